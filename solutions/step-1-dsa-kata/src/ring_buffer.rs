//! Reference: a ring buffer over a boxed slice of `Option<T>` slots, allocated once.
//!
//! Invariant: the `len` queued items sit in the slots `head, head + 1, …` (wrapping around at
//! `capacity`), oldest first, and every other slot is `None`. An item never moves while it is
//! queued: `push` writes the slot after the last item, `pop` takes the slot at `head` and
//! moves `head` forward. Both are O(1) and allocate nothing.

/// A first-in first-out queue of at most `capacity` items, allocated once.
pub struct RingBuffer<T> {
    slots: Box<[Option<T>]>,
    head: usize,
    len: usize,
}

impl<T> RingBuffer<T> {
    /// An empty queue that can hold `capacity` items (0 is allowed: always full).
    pub fn with_capacity(capacity: usize) -> Self {
        RingBuffer {
            slots: (0..capacity).map(|_| None).collect(),
            head: 0,
            len: 0,
        }
    }

    /// Adds `item` at the back. When the queue is full, hands `item` back in `Err(item)`.
    pub fn push(&mut self, item: T) -> Result<(), T> {
        // Checked first, so capacity 0 never reaches the index arithmetic.
        if self.is_full() {
            return Err(item);
        }
        let tail = self.wrap(self.head + self.len);
        self.slots[tail] = Some(item);
        self.len += 1;
        Ok(())
    }

    /// Removes and returns the oldest item, or `None` when the queue is empty.
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        let item = self.slots[self.head].take();
        self.head = self.wrap(self.head + 1);
        self.len -= 1;
        item
    }

    /// The oldest item, left in the queue; `None` when the queue is empty.
    pub fn peek(&self) -> Option<&T> {
        if self.len == 0 {
            return None;
        }
        self.slots[self.head].as_ref()
    }

    /// How many items are queued.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no item is queued.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `push` would hand its item back (`len() == capacity()`).
    pub fn is_full(&self) -> bool {
        self.len == self.slots.len()
    }

    /// How many items the queue can hold.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// `index` taken back into `0..capacity`, for an index below `2 * capacity`: one compare
    /// instead of a division.
    fn wrap(&self, index: usize) -> usize {
        if index >= self.slots.len() {
            index - self.slots.len()
        } else {
            index
        }
    }
}
