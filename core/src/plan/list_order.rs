//! The action list's order and numbering, apart from the SQL that reads it
//! ([`super::query`]): where each row goes, its reference ("3.2") and its place in the
//! plan, the in-place reorder, and the quick hash the list keys its ids with.

use std::hash::Hasher;

use chrono::NaiveDate;

/// Where an action goes in the list: (no due date, due date, report's rank, the
/// recommendation's place in its report, rowid).
pub(super) type ListOrder = (bool, Option<NaiveDate>, u32, i64, i64);

/// Each listed item's place under its recommendation (from 1: its reference is
/// "recommendation.place") and its place in the plan's order (from 0), by the item's index.
/// `siblings[rec]` holds the rowids of the live actions of recommendation `rec`;
/// `plan_rank` gives a report's place in the plan from its place in the list.
pub(super) fn number_in_plan(
    order: &[(ListOrder, usize)],
    rec_of: &[usize],
    siblings: &mut [Vec<i64>],
    plan_rank: impl Fn(u32) -> u32,
) -> Vec<(usize, usize, u32)> {
    for s in siblings.iter_mut() {
        s.sort_unstable();
    }
    // (report's plan rank, recommendation's place, action's number, item)
    let mut plan: Vec<(u32, i64, usize, usize)> = Vec::with_capacity(order.len());
    for &((_, _, report_rank, position, rowid), i) in order {
        let number = siblings[rec_of[i]].partition_point(|&r| r < rowid) + 1;
        plan.push((plan_rank(report_rank), position, number, i));
    }
    plan.sort_unstable();
    (0u32..)
        .zip(plan)
        .map(|(n, (_, _, number, i))| (i, number, n))
        .collect()
}

/// Reorder `items` in place so that position `i` holds what was at `from[i]` (`from` is a
/// permutation): each cycle is followed once, one swap per item, no second list.
pub(super) fn permute<T>(items: &mut [T], from: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let next = from[at];
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// FxHash's multiply-and-rotate (as in the Rust compiler), several times quicker than the
/// standard library's SipHash on 36-character ids, hashed thousands of times per list.
/// The keys are ids from our own database, so there is no hostile input to resist.
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        for from in [
            vec![0, 1, 2, 3, 4],
            vec![4, 3, 2, 1, 0],
            vec![1, 2, 3, 4, 0],
            vec![2, 0, 1, 4, 3],
            vec![3, 4, 0, 2, 1],
        ] {
            let mut items: Vec<String> = (0..5).map(|i| format!("item {i}")).collect();
            permute(&mut items, &from);
            let want: Vec<String> = from.iter().map(|i| format!("item {i}")).collect();
            assert_eq!(items, want, "{from:?}");
        }
    }
}
