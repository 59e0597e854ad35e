//! Kata `ring_buffer` (grade 3): ring-buffer queue. PLACEHOLDER: not written yet.
