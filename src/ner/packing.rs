//! Packing consecutive sentences into one sequence of running text, as the recognizer reads
//! them with context and as the trainer feeds them: the same rule on both sides, so the model
//! is trained on the sequences it later reads.

/// A piece sequence opened and closed by special pieces (`<s>` ... `</s>`), which can take the
/// next sentence's sequence as running text.
pub(crate) trait Sequence: Sized {
    fn ids(&self) -> &[u32];
    /// Special pieces at the start and at the end of [`Sequence::ids`].
    fn specials(&self) -> (usize, usize);
    /// Appends `next` after dropping `self`'s closing and `next`'s opening special pieces
    /// (`keep` pieces of `self` stay), carrying along whatever rides on the pieces.
    fn append_trimmed(&mut self, keep: usize, next: Self);

    /// The length after [`Sequence::append`]ing `next`.
    fn joined_len(&self, next: &Self) -> usize {
        self.ids().len() - self.specials().1 + next.ids().len() - next.specials().0
    }

    /// `next` appended as running text: `self`'s closing and `next`'s opening special pieces
    /// dropped (the inner `</s> <s>`).
    fn append(&mut self, next: Self) {
        let keep = self.ids().len() - self.specials().1;
        self.append_trimmed(keep, next);
    }
}

/// Consecutive sequences joined greedily while `joinable(last, next)` holds and the result
/// stays within `limit` pieces; a sequence already longer stays alone, and the order is kept.
pub(crate) fn pack<T: Sequence>(items: Vec<T>, limit: usize, joinable: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match out.last_mut() {
            Some(last) if joinable(last, &item) && last.joined_len(&item) <= limit => last.append(item),
            _ => out.push(item),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bare sequence whose pieces carry their own sentence number.
    #[derive(Debug, PartialEq)]
    struct Bare(Vec<u32>, usize);

    impl Sequence for Bare {
        fn ids(&self) -> &[u32] {
            &self.0
        }
        fn specials(&self) -> (usize, usize) {
            (1, 1)
        }
        fn append_trimmed(&mut self, keep: usize, next: Bare) {
            self.0.truncate(keep);
            self.0.extend_from_slice(&next.0[1..]);
        }
    }

    #[test]
    fn joins_neighbours_within_the_limit_and_group() {
        // <s>=0, </s>=2; sentences 10 11 | 20 | 30 31 32 | 40 (another group).
        let items = vec![
            Bare(vec![0, 10, 11, 2], 0),
            Bare(vec![0, 20, 2], 0),
            Bare(vec![0, 30, 31, 32, 2], 0),
            Bare(vec![0, 40, 2], 1),
        ];
        assert_eq!(items[0].joined_len(&items[1]), 5);
        let packed = pack(items, 7, |a, b| a.1 == b.1);
        assert_eq!(packed, vec![Bare(vec![0, 10, 11, 20, 2], 0), Bare(vec![0, 30, 31, 32, 2], 0), Bare(vec![0, 40, 2], 1)]);
    }
}
