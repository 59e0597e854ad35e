//! Kata `ring_buffer` (grade 3): a fixed-capacity FIFO queue over a boxed slice.
//!
//! Checks: worked examples (capacity 0, a full queue handing the item back, wrap-around),
//! random operation sequences against a `VecDeque` model, an allocation gate (push and pop
//! allocate nothing after `with_capacity`) and a move gate (queued items never move).
//!
//! The move gate cannot count memory moves directly (moving a value in Rust is a plain copy of
//! bytes that no type can observe), so it watches the front item through `peek`: if the same
//! item is seen at two addresses, or the next item shows up in the slot the popped item just
//! left, the queue was shifted, and a shift moves every queued item.

use std::collections::VecDeque;
use std::fmt::Debug;

use criterion::{BenchmarkId, Criterion};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::check::{Check, Failure, Group, expect_eq};
use crate::counting::measure;
use crate::gate::{Class, Gate};
use crate::property::for_all;
use crate::step1::source_rules::{self, Forbidden};
use crate::step1::learner::{self, Erased, Fns, Learner, Table, down, down_mut};

/// The kata's API, as the suite sees it. The grade macro sets `Queue<T>` to
/// `<crate>::ring_buffer::RingBuffer<T>` and delegates every method to it.
pub trait RingBuffer {
    /// The text of the kata's file, for the rules its doc states about the code (the grade
    /// macro reads the crate under test's file; fixtures may give their own).
    const SOURCE: &'static str = "";
    type Queue<T>;
    fn with_capacity<T: 'static>(capacity: usize) -> Self::Queue<T>;
    fn push<T: 'static>(queue: &mut Self::Queue<T>, item: T) -> Result<(), T>;
    fn pop<T: 'static>(queue: &mut Self::Queue<T>) -> Option<T>;
    fn peek<T: 'static>(queue: &Self::Queue<T>) -> Option<&T>;
    fn len<T: 'static>(queue: &Self::Queue<T>) -> usize;
    fn is_empty<T: 'static>(queue: &Self::Queue<T>) -> bool;
    fn is_full<T: 'static>(queue: &Self::Queue<T>) -> bool;
    fn capacity<T: 'static>(queue: &Self::Queue<T>) -> usize;
}

pub const GROUP: Group = super::GROUPS.ring_buffer;

/// What the kata's doc forbids in the code itself.
const FORBIDDEN: Forbidden = Forbidden {
    names: &["VecDeque"],
    why: "a VecDeque is a ring buffer already: keep the slots, head and len yourself",
};

pub fn checks<K: RingBuffer + 'static>() -> Vec<Check> {
    vec![
        GROUP.check(
            "examples",
            "keep the slots, the index of the oldest item (head) and the number of items (len); \
             the next free slot is (head + len) % capacity. A full queue hands the item back \
             in Err(item); capacity 0 is a queue that is always full and always empty",
            |_| examples::<K>(),
        ),
        GROUP.check(
            "matches_vecdeque",
            "after every push, pop and peek, len/is_empty/is_full must agree with the items \
             you hold; check the wrap-around: head and tail move forward and go back to 0 at \
             the end of the slots",
            |ctx| matches_vecdeque::<K>(ctx),
        ),
        GROUP.check(
            "allocation_gate",
            "allocate every slot once in with_capacity (e.g. a Box<[Option<T>]> of `capacity` \
             Nones) and only move items in and out of it afterwards: no Vec::push that grows, \
             no VecDeque or LinkedList that allocates as it goes",
            |_| allocation_gate::<K>(),
        ),
        GROUP.check(
            "move_gate",
            "an item must stay in its slot from push to pop: advance a head index instead of \
             shifting the queue (Vec::remove(0) moves every remaining item one slot down, \
             O(n) per pop)",
            |_| move_gate::<K>(),
        ),
        source_rules::no_std_shortcut(GROUP, K::SOURCE, FORBIDDEN),
    ]
}

/// Checks everything observable about a queue against the model.
fn agree<K: RingBuffer, T: PartialEq + Debug + Clone + 'static>(
    queue: &K::Queue<T>,
    model: &VecDeque<T>,
    capacity: usize,
    after: &str,
) -> Result<(), Failure> {
    expect_eq(
        format!("{after}; peek()"),
        model.front().cloned(),
        K::peek(queue).cloned(),
    )?;
    expect_eq(format!("{after}; len()"), model.len(), K::len(queue))?;
    expect_eq(
        format!("{after}; is_empty()"),
        model.is_empty(),
        K::is_empty(queue),
    )?;
    expect_eq(
        format!("{after}; is_full()"),
        model.len() == capacity,
        K::is_full(queue),
    )?;
    expect_eq(format!("{after}; capacity()"), capacity, K::capacity(queue))
}

fn examples<K: RingBuffer>() -> Result<(), Failure> {
    // Capacity 3: fill, overflow, wrap around.
    let mut q = K::with_capacity::<i32>(3);
    let mut model = VecDeque::new();
    agree::<K, _>(&q, &model, 3, "with_capacity(3)")?;
    let mut script = String::from("with_capacity(3)");
    for item in [1, 2, 3] {
        script.push_str(&format!("; push({item})"));
        expect_eq(&script, Ok(()), K::push(&mut q, item))?;
        model.push_back(item);
        agree::<K, _>(&q, &model, 3, &script)?;
    }
    script.push_str("; push(4)");
    expect_eq(
        format!("{script}   (the queue is full: the item comes back)"),
        Err(4),
        K::push(&mut q, 4),
    )?;
    agree::<K, _>(&q, &model, 3, &script)?;
    // Rotate through the slots several times: pop the oldest, push a new one.
    for next in 4..12 {
        script.push_str("; pop()");
        expect_eq(&script, model.pop_front(), K::pop(&mut q))?;
        script.push_str(&format!("; push({next})"));
        expect_eq(&script, Ok(()), K::push(&mut q, next))?;
        model.push_back(next);
        agree::<K, _>(&q, &model, 3, &script)?;
    }
    for _ in 0..4 {
        script.push_str("; pop()");
        expect_eq(&script, model.pop_front(), K::pop(&mut q))?;
        agree::<K, _>(&q, &model, 3, &script)?;
    }

    // Capacity 0: always full, always empty, nothing lost.
    let mut zero = K::with_capacity::<i32>(0);
    let empty = VecDeque::new();
    agree::<K, _>(&zero, &empty, 0, "with_capacity(0)")?;
    expect_eq(
        "with_capacity(0); push(7)   (capacity 0 is always full)",
        Err(7),
        K::push(&mut zero, 7),
    )?;
    expect_eq("with_capacity(0); push(7); pop()", None, K::pop(&mut zero))?;
    agree::<K, _>(&zero, &empty, 0, "with_capacity(0); push(7); pop()")?;

    // Capacity 1, and owned items: the rejected job comes back whole.
    let mut one = K::with_capacity::<String>(1);
    expect_eq(
        "with_capacity(1); push(\"job-1\")",
        Ok(()),
        K::push(&mut one, "job-1".to_string()),
    )?;
    expect_eq(
        "with_capacity(1); push(\"job-1\"); push(\"job-2\")",
        Err("job-2".to_string()),
        K::push(&mut one, "job-2".to_string()),
    )?;
    expect_eq(
        "with_capacity(1); push(\"job-1\"); push(\"job-2\"); pop()",
        Some("job-1".to_string()),
        K::pop(&mut one),
    )?;
    expect_eq(
        "with_capacity(1); push(\"job-1\"); push(\"job-2\"); pop(); pop()",
        None,
        K::pop(&mut one),
    )?;
    expect_eq(
        "with_capacity(1); ...; pop(); pop(); push(\"job-3\")",
        Ok(()),
        K::push(&mut one, "job-3".to_string()),
    )?;
    expect_eq(
        "with_capacity(1); ...; push(\"job-3\"); peek()",
        Some(&"job-3".to_string()),
        K::peek(&one),
    )
}

#[derive(Debug, Clone)]
enum Op {
    Push(u8),
    Pop,
    Peek,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => any::<u8>().prop_map(Op::Push),
        2 => Just(Op::Pop),
        1 => Just(Op::Peek),
    ]
}

fn matches_vecdeque<K: RingBuffer>(ctx: &crate::check::Context) -> Result<(), Failure> {
    for_all(
        ctx,
        300,
        (0usize..7, vec(op(), 0..80)),
        |(capacity, ops)| {
            let mut queue = K::with_capacity::<u8>(capacity);
            let mut model: VecDeque<u8> = VecDeque::new();
            let mut script = format!("with_capacity({capacity})");
            for op in ops {
                match op {
                    Op::Push(item) => {
                        script.push_str(&format!("; push({item})"));
                        let expected = if model.len() < capacity {
                            model.push_back(item);
                            Ok(())
                        } else {
                            Err(item)
                        };
                        expect_eq(&script, expected, K::push(&mut queue, item))?;
                    }
                    Op::Pop => {
                        script.push_str("; pop()");
                        expect_eq(&script, model.pop_front(), K::pop(&mut queue))?;
                    }
                    Op::Peek => {
                        script.push_str("; peek()");
                        expect_eq(&script, model.front(), K::peek(&queue))?;
                    }
                }
                agree::<K, _>(&queue, &model, capacity, &script)?;
            }
            Ok(())
        },
    )
}

/// Allocations during `4n` pushes and pops on a queue of capacity `n` (built beforehand).
fn allocations_for<K: RingBuffer>(n: usize) -> u64 {
    let mut queue = K::with_capacity::<u64>(n);
    let (delta, ()) = measure(|| {
        let mut next = 0u64;
        // Fill, drain half, then steady state: one pop and one push per turn.
        for _ in 0..n {
            let _ = K::push(&mut queue, next);
            next += 1;
        }
        for _ in 0..n / 2 {
            std::hint::black_box(K::pop(&mut queue));
        }
        for _ in 0..n {
            let _ = K::push(&mut queue, next);
            next += 1;
            std::hint::black_box(K::pop(&mut queue));
        }
        for _ in 0..n {
            std::hint::black_box(K::pop(&mut queue));
        }
    });
    delta.allocations
}

fn allocation_gate<K: RingBuffer>() -> Result<(), Failure> {
    Gate {
        what: "allocations after with_capacity (in 4n pushes and pops)",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 2.0,
        small: 64,
        large: 4_096,
    }
    .check(allocations_for::<K>)
}

/// What the move gate knows about the front item: its id and where it lives.
struct Front {
    id: u64,
    addr: usize,
}

fn front_of<K: RingBuffer>(queue: &K::Queue<u64>) -> Option<Front> {
    K::peek(queue).map(|item| Front {
        id: *item,
        addr: item as *const u64 as usize,
    })
}

/// Items moved per operation, inferred from the front item's address, on a full queue of
/// capacity `n` that pops one item and pushes one `4n` times.
///
/// A queued item that changes address was moved; a shift moves every queued item, so each
/// time the front is seen to move, `len` moves are counted.
fn moves_for<K: RingBuffer>(n: usize) -> u64 {
    let mut queue = K::with_capacity::<u64>(n);
    let mut next = 0u64;
    for _ in 0..n {
        let _ = K::push(&mut queue, next);
        next += 1;
    }
    let mut moves = 0u64;
    let turns = 4 * n as u64;
    for _ in 0..turns {
        let before = front_of::<K>(&queue);
        std::hint::black_box(K::pop(&mut queue));
        let after_pop = front_of::<K>(&queue);
        if let (Some(popped), Some(front)) = (&before, &after_pop) {
            // The new front was queued before the pop: if it sits where the popped item
            // was, it moved there.
            if front.id != popped.id && front.addr == popped.addr {
                moves += K::len(&queue) as u64;
            }
        }
        let _ = K::push(&mut queue, next);
        next += 1;
        let after_push = front_of::<K>(&queue);
        if let (Some(front), Some(now)) = (&after_pop, &after_push) {
            // Pushing at the back must leave the front item where it was.
            if front.id == now.id && front.addr != now.addr {
                moves += K::len(&queue) as u64;
            }
        }
    }
    moves / (2 * turns)
}

fn move_gate<K: RingBuffer>() -> Result<(), Failure> {
    Gate {
        what: "items moved per push or pop",
        expected: Class::Constant,
        next_worse: Class::Linear,
        constant: 2.0,
        small: 64,
        large: 4_096,
    }
    .check(moves_for::<K>)
}

/// Criterion group `ring_buffer`: a job queue of capacity n, filled, then n turns of one pop
/// and one push, then drained; the learner's queue, the reference and std's `VecDeque`.
pub fn bench<L: RingBuffer, R: RingBuffer>(c: &mut Criterion) {
    fn run<K: RingBuffer>(n: usize) -> u64 {
        let mut queue = K::with_capacity::<u64>(n);
        let mut sum = 0u64;
        for i in 0..n as u64 {
            let _ = K::push(&mut queue, i);
        }
        for i in 0..n as u64 {
            sum = sum.wrapping_add(K::pop(&mut queue).unwrap_or(0));
            let _ = K::push(&mut queue, i);
        }
        while let Some(item) = K::pop(&mut queue) {
            sum = sum.wrapping_add(item);
        }
        sum
    }
    fn run_std(n: usize) -> u64 {
        let mut queue = VecDeque::with_capacity(n);
        let mut sum = 0u64;
        let push = |queue: &mut VecDeque<u64>, item| {
            if queue.len() < n {
                queue.push_back(item);
            }
        };
        for i in 0..n as u64 {
            push(&mut queue, i);
        }
        for i in 0..n as u64 {
            sum = sum.wrapping_add(queue.pop_front().unwrap_or(0));
            push(&mut queue, i);
        }
        while let Some(item) = queue.pop_front() {
            sum = sum.wrapping_add(item);
        }
        sum
    }

    let learner_runs = crate::bench::runs(|| {
        let mut queue = L::with_capacity::<u64>(2);
        let _ = L::push(&mut queue, 1);
        let _ = L::pop(&mut queue);
    });
    if !learner_runs {
        crate::bench::skip_learner(GROUP.name);
    }
    let mut group = c.benchmark_group(GROUP.name);
    for n in crate::bench::SIZES {
        if learner_runs {
            group.bench_function(BenchmarkId::new("learner", n), |b| b.iter(|| run::<L>(n)));
        }
        group.bench_function(BenchmarkId::new("reference", n), |b| b.iter(|| run::<R>(n)));
        group.bench_function(BenchmarkId::new("std", n), |b| b.iter(|| run_std(n)));
    }
    group.finish();
}

/// Implements [`RingBuffer`] for `$subject` with `$krate::ring_buffer::RingBuffer<T>`.
#[doc(hidden)]
#[macro_export]
macro_rules! __step1_ring_buffer {
    ($krate:ident, $subject:ident) => {
        impl $crate::step1::ring_buffer::RingBuffer for $subject {
            const SOURCE: &'static str = $crate::__step1_source!("ring_buffer");
            type Queue<T> = $krate::ring_buffer::RingBuffer<T>;
            fn with_capacity<T>(capacity: usize) -> Self::Queue<T> {
                $krate::ring_buffer::RingBuffer::with_capacity(capacity)
            }
            fn push<T>(queue: &mut Self::Queue<T>, item: T) -> Result<(), T> {
                queue.push(item)
            }
            fn pop<T>(queue: &mut Self::Queue<T>) -> Option<T> {
                queue.pop()
            }
            fn peek<T>(queue: &Self::Queue<T>) -> Option<&T> {
                queue.peek()
            }
            fn len<T>(queue: &Self::Queue<T>) -> usize {
                queue.len()
            }
            fn is_empty<T>(queue: &Self::Queue<T>) -> bool {
                queue.is_empty()
            }
            fn is_full<T>(queue: &Self::Queue<T>) -> bool {
                queue.is_full()
            }
            fn capacity<T>(queue: &Self::Queue<T>) -> usize {
                queue.capacity()
            }
        }
    };
}

/// The crate under test's functions, registered by [`register`].
static TABLE: Table = Table::new(GROUP.name);

impl RingBuffer for Learner {
    const SOURCE: &'static str = learner::REGISTERED_SOURCE;
    type Queue<T> = Erased;
    fn with_capacity<T: 'static>(capacity: usize) -> Erased {
        TABLE.get_at::<T, fn(usize) -> Erased>("with_capacity")(capacity)
    }
    fn push<T: 'static>(queue: &mut Erased, item: T) -> Result<(), T> {
        TABLE.get_at::<T, fn(&mut Erased, T) -> Result<(), T>>("push")(queue, item)
    }
    fn pop<T: 'static>(queue: &mut Erased) -> Option<T> {
        TABLE.get_at::<T, fn(&mut Erased) -> Option<T>>("pop")(queue)
    }
    fn peek<T: 'static>(queue: &Erased) -> Option<&T> {
        TABLE.get_at::<T, fn(&Erased) -> Option<&T>>("peek")(queue)
    }
    fn len<T: 'static>(queue: &Erased) -> usize {
        TABLE.get_at::<T, fn(&Erased) -> usize>("len")(queue)
    }
    fn is_empty<T: 'static>(queue: &Erased) -> bool {
        TABLE.get_at::<T, fn(&Erased) -> bool>("is_empty")(queue)
    }
    fn is_full<T: 'static>(queue: &Erased) -> bool {
        TABLE.get_at::<T, fn(&Erased) -> bool>("is_full")(queue)
    }
    fn capacity<T: 'static>(queue: &Erased) -> usize {
        TABLE.get_at::<T, fn(&Erased) -> usize>("capacity")(queue)
    }
}

/// Registers `S`'s functions for [`Learner`], at the types the checks use.
pub fn register<S: RingBuffer>()
where
    S::Queue<i32>: 'static,
    S::Queue<u8>: 'static,
    S::Queue<u64>: 'static,
    S::Queue<String>: 'static,
{
    fn at<S: RingBuffer, T: 'static>(fns: &mut Fns)
    where
        S::Queue<T>: 'static,
    {
        fns.add_at::<T, fn(usize) -> Erased>("with_capacity", |capacity| {
            learner::erase(S::with_capacity::<T>(capacity))
        });
        fns.add_at::<T, fn(&mut Erased, T) -> Result<(), T>>("push", |queue, item| {
            S::push(down_mut::<S::Queue<T>>(queue), item)
        });
        fns.add_at::<T, fn(&mut Erased) -> Option<T>>("pop", |queue| {
            S::pop(down_mut::<S::Queue<T>>(queue))
        });
        fns.add_at::<T, fn(&Erased) -> Option<&T>>("peek", |queue| {
            S::peek(down::<S::Queue<T>>(queue))
        });
        fns.add_at::<T, fn(&Erased) -> usize>("len", |queue| S::len(down::<S::Queue<T>>(queue)));
        fns.add_at::<T, fn(&Erased) -> bool>("is_empty", |queue| {
            S::is_empty(down::<S::Queue<T>>(queue))
        });
        fns.add_at::<T, fn(&Erased) -> bool>("is_full", |queue| {
            S::is_full(down::<S::Queue<T>>(queue))
        });
        fns.add_at::<T, fn(&Erased) -> usize>("capacity", |queue| {
            S::capacity(down::<S::Queue<T>>(queue))
        });
    }
    learner::register_source(GROUP.name, S::SOURCE);
    TABLE.fill(|fns| {
        at::<S, i32>(fns);
        at::<S, u8>(fns);
        at::<S, u64>(fns);
        at::<S, String>(fns);
    });
}
