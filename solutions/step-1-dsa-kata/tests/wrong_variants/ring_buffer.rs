//! Known-wrong variants of `ring_buffer`: a Vec that shifts on every pop (right answers, O(n)
//! per pop), a linked list that allocates on every push, a ring that overwrites the oldest
//! item when full, one that divides by a zero capacity, and a stack (LIFO, not FIFO).

use std::collections::LinkedList;

use harness::Plan;
use harness::step1::ring_buffer::{RingBuffer, checks};

/// Generates the `RingBuffer` impl for a fixture whose queue type has the kata's methods.
macro_rules! fixture {
    ($name:ident, $queue:ident) => {
        impl RingBuffer for $name {
            type Queue<T> = $queue<T>;
            fn with_capacity<T>(capacity: usize) -> $queue<T> {
                $queue::with_capacity(capacity)
            }
            fn push<T>(queue: &mut $queue<T>, item: T) -> Result<(), T> {
                queue.push(item)
            }
            fn pop<T>(queue: &mut $queue<T>) -> Option<T> {
                queue.pop()
            }
            fn peek<T>(queue: &$queue<T>) -> Option<&T> {
                queue.peek()
            }
            fn len<T>(queue: &$queue<T>) -> usize {
                queue.len()
            }
            fn is_empty<T>(queue: &$queue<T>) -> bool {
                queue.len() == 0
            }
            fn is_full<T>(queue: &$queue<T>) -> bool {
                queue.len() == queue.capacity
            }
            fn capacity<T>(queue: &$queue<T>) -> usize {
                queue.capacity
            }
        }
    };
}

/// Correct answers, but `Vec::remove(0)` shifts every remaining item: O(n) per pop.
struct ShiftingVec;
struct Shifting<T> {
    items: Vec<T>,
    capacity: usize,
}
impl<T> Shifting<T> {
    fn with_capacity(capacity: usize) -> Self {
        Shifting {
            items: Vec::with_capacity(capacity),
            capacity,
        }
    }
    fn push(&mut self, item: T) -> Result<(), T> {
        if self.items.len() == self.capacity {
            return Err(item);
        }
        self.items.push(item);
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        if self.items.is_empty() {
            None
        } else {
            Some(self.items.remove(0))
        }
    }
    fn peek(&self) -> Option<&T> {
        self.items.first()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}
fixture!(ShiftingVec, Shifting);

/// Correct answers, but every push allocates a list node.
struct LinkedListQueue;
struct Linked<T> {
    items: LinkedList<T>,
    capacity: usize,
}
impl<T> Linked<T> {
    fn with_capacity(capacity: usize) -> Self {
        Linked {
            items: LinkedList::new(),
            capacity,
        }
    }
    fn push(&mut self, item: T) -> Result<(), T> {
        if self.items.len() == self.capacity {
            return Err(item);
        }
        self.items.push_back(item);
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop_front()
    }
    fn peek(&self) -> Option<&T> {
        self.items.front()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}
fixture!(LinkedListQueue, Linked);

/// A ring (O(1), no shifting) with the index arithmetic `% capacity` done before the full
/// check, so capacity 0 divides by zero; and when full it overwrites the oldest item instead
/// of handing the new one back (`OVERWRITE`).
struct Ring<T, const OVERWRITE: bool> {
    slots: Vec<Option<T>>,
    head: usize,
    len: usize,
    capacity: usize,
}
impl<T, const OVERWRITE: bool> Ring<T, OVERWRITE> {
    fn with_capacity(capacity: usize) -> Self {
        Ring {
            slots: (0..capacity).map(|_| None).collect(),
            head: 0,
            len: 0,
            capacity,
        }
    }
    fn push(&mut self, item: T) -> Result<(), T> {
        let tail = (self.head + self.len) % self.capacity;
        if self.len == self.capacity {
            if !OVERWRITE {
                return Err(item);
            }
            // Drops the oldest item and takes its slot: a lost job.
            self.slots[tail] = Some(item);
            self.head = (self.head + 1) % self.capacity;
            return Ok(());
        }
        self.slots[tail] = Some(item);
        self.len += 1;
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        let item = self.slots[self.head].take();
        self.head = (self.head + 1) % self.capacity;
        self.len -= 1;
        item
    }
    fn peek(&self) -> Option<&T> {
        if self.len == 0 {
            None
        } else {
            self.slots[self.head].as_ref()
        }
    }
    fn len(&self) -> usize {
        self.len
    }
}
type Overwriting<T> = Ring<T, true>;
type ModuloFirst<T> = Ring<T, false>;

/// Overwrites the oldest item when full, and says `Ok(())`: the job is lost.
struct OverwriteOldest;
fixture!(OverwriteOldest, Overwriting);

/// `% capacity` before the full check: capacity 0 panics.
struct ZeroCapacityPanics;
fixture!(ZeroCapacityPanics, ModuloFirst);

/// Last in, first out: a stack posing as a queue.
struct Stack;
struct Lifo<T> {
    items: Vec<T>,
    capacity: usize,
}
impl<T> Lifo<T> {
    fn with_capacity(capacity: usize) -> Self {
        Lifo {
            items: Vec::with_capacity(capacity),
            capacity,
        }
    }
    fn push(&mut self, item: T) -> Result<(), T> {
        if self.items.len() == self.capacity {
            return Err(item);
        }
        self.items.push(item);
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}
fixture!(Stack, Lifo);

/// Right answers from std's `VecDeque`, which is a ring buffer already.
struct StdVecDeque;

impl RingBuffer for StdVecDeque {
    const SOURCE: &'static str = include_str!("ring_buffer.rs");
    type Queue<T> = (std::collections::VecDeque<T>, usize);
    fn with_capacity<T>(capacity: usize) -> Self::Queue<T> {
        (
            std::collections::VecDeque::with_capacity(capacity),
            capacity,
        )
    }
    fn push<T>(queue: &mut Self::Queue<T>, item: T) -> Result<(), T> {
        if queue.0.len() == queue.1 {
            return Err(item);
        }
        queue.0.push_back(item);
        Ok(())
    }
    fn pop<T>(queue: &mut Self::Queue<T>) -> Option<T> {
        queue.0.pop_front()
    }
    fn peek<T>(queue: &Self::Queue<T>) -> Option<&T> {
        queue.0.front()
    }
    fn len<T>(queue: &Self::Queue<T>) -> usize {
        queue.0.len()
    }
    fn is_empty<T>(queue: &Self::Queue<T>) -> bool {
        queue.0.is_empty()
    }
    fn is_full<T>(queue: &Self::Queue<T>) -> bool {
        queue.0.len() == queue.1
    }
    fn capacity<T>(queue: &Self::Queue<T>) -> usize {
        queue.1
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = plan.reject(
        "std_vecdeque",
        checks::<StdVecDeque>(),
        "ring_buffer::no_std_shortcut",
        "not to use `VecDeque`",
    );
    plan.reject(
        "shifting_vec",
        checks::<ShiftingVec>(),
        "ring_buffer::move_gate",
        "too many items moved per push or pop",
    )
    .reject(
        "linked_list",
        checks::<LinkedListQueue>(),
        "ring_buffer::allocation_gate",
        "too many allocations after with_capacity",
    )
    .reject(
        "overwrite_oldest",
        checks::<OverwriteOldest>(),
        "ring_buffer::examples",
        "expected: Err(4)",
    )
    .reject(
        "overwrite_oldest",
        checks::<OverwriteOldest>(),
        "ring_buffer::matches_vecdeque",
        "a random input failed",
    )
    .reject(
        "zero_capacity_panics",
        checks::<ZeroCapacityPanics>(),
        "ring_buffer::examples",
        "divisor of zero",
    )
    .reject(
        "stack",
        checks::<Stack>(),
        "ring_buffer::examples",
        "expected: Some(1)",
    )
    .reject(
        "stack",
        checks::<Stack>(),
        "ring_buffer::matches_vecdeque",
        "a random input failed",
    )
}
