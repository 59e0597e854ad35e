//! Reference: merge half-open intervals by sorting on the start and sweeping once.
//!
//! Invariant of the sweep: `merged` holds the busy periods of the bookings seen so far, and
//! because bookings arrive in order of start, only the last period can still grow. A booking
//! that starts at or before its end (`<=`: touching counts for half-open ranges) extends it;
//! any other starts a new period, separated by a free gap from every earlier one.
//! O(n log n) comparisons for the sort, O(n) for the sweep; the bounds are moved, never
//! cloned.

use std::ops::Range;

/// The busy periods of `bookings`: sorted by start, none empty, no two overlapping or
/// touching, covering exactly the times some booking covers.
pub fn merge<T: Ord>(mut bookings: Vec<Range<T>>) -> Vec<Range<T>> {
    bookings.retain(|booking| booking.start < booking.end);
    bookings.sort_by(|a, b| a.start.cmp(&b.start));
    let mut merged: Vec<Range<T>> = Vec::with_capacity(bookings.len());
    for booking in bookings {
        match merged.last_mut() {
            Some(last) if booking.start <= last.end => {
                if booking.end > last.end {
                    last.end = booking.end;
                }
            }
            _ => merged.push(booking),
        }
    }
    merged
}
