//! The figures documents give for one value-less slot, grouped by what they say.
//!
//! Whether two figures agree depends only on their kind, direction, value, upper end
//! and precision, so figures equal in those are one group: agreement is worked out
//! once per pair of groups, not per pair of figures. A slot that thousands of
//! documents fill with a few dozen values costs the figures plus the square of the
//! values, not the square of the figures.

use std::collections::HashMap;

use super::{FigureSeen, figures_agree};
use crate::extract::{Direction, Quantity, QuantityKind};

/// What decides agreement: equal keys agree with the same figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key<'a> {
    kind: std::mem::Discriminant<QuantityKind>,
    currency: Option<&'a str>,
    direction: Option<Direction>,
    value: u64,
    upper: Option<u64>,
    step: u64,
}

impl<'a> Key<'a> {
    fn of(q: &'a Quantity) -> Key<'a> {
        Key {
            kind: std::mem::discriminant(&q.kind),
            currency: match &q.kind {
                QuantityKind::Money { currency } => Some(currency.as_str()),
                _ => None,
            },
            direction: q.direction,
            value: q.value.to_bits(),
            upper: q.upper.map(f64::to_bits),
            step: q.step.to_bits(),
        }
    }
}

/// One slot's figures (`list`: document index and figure, in input order), grouped.
pub(super) struct Slot<'a> {
    list: &'a [(usize, &'a FigureSeen)],
    /// Per figure, its group.
    group_of: Vec<usize>,
    /// Per group, its figures (indices into `list`).
    members: Vec<Vec<usize>>,
    /// Per group, the groups it agrees with (itself among them, normally), sorted.
    agrees: Vec<Vec<usize>>,
    /// Per group, how many documents give a figure of a group it agrees with.
    agreeing_docs: Vec<usize>,
    /// Per document, its groups and how many of its figures each holds.
    by_doc: HashMap<usize, Vec<(usize, usize)>>,
}

impl<'a> Slot<'a> {
    /// Groups the figures and works out which groups agree.
    pub(super) fn new(list: &'a [(usize, &'a FigureSeen)]) -> Slot<'a> {
        let mut index: HashMap<Key, usize> = HashMap::new();
        let mut first: Vec<&Quantity> = Vec::new();
        let mut group_of = Vec::with_capacity(list.len());
        let mut by_doc: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for (d, f) in list {
            let g = *index.entry(Key::of(&f.quantity)).or_insert_with(|| {
                first.push(&f.quantity);
                first.len() - 1
            });
            group_of.push(g);
            let mine = by_doc.entry(*d).or_default();
            match mine.iter_mut().find(|(h, _)| *h == g) {
                Some((_, n)) => *n += 1,
                None => mine.push((g, 1)),
            }
        }
        let mut members = vec![Vec::new(); first.len()];
        for (i, &g) in group_of.iter().enumerate() {
            members[g].push(i);
        }
        let agrees: Vec<Vec<usize>> = first
            .iter()
            .map(|a| {
                (0..first.len())
                    .filter(|&b| figures_agree(a, first[b]))
                    .collect()
            })
            .collect();
        let mut slot = Slot {
            list,
            group_of,
            members,
            agrees,
            agreeing_docs: Vec::new(),
            by_doc,
        };
        slot.agreeing_docs = (0..first.len())
            .map(|g| slot.count_agreeing_docs(g))
            .collect();
        slot
    }

    fn agree(&self, a: usize, b: usize) -> bool {
        self.agrees[a].binary_search(&b).is_ok()
    }

    /// How many documents give a figure agreeing with group `g`'s.
    fn count_agreeing_docs(&self, g: usize) -> usize {
        let mut docs: Vec<usize> = self.agrees[g]
            .iter()
            .flat_map(|&h| &self.members[h])
            .map(|&i| self.list[i].0)
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// How many figures of document `d` disagree with group `g`, and whether one of
    /// them agrees.
    fn own(&self, d: usize, g: usize) -> (usize, bool) {
        let mine = self.by_doc.get(&d).map_or(&[][..], Vec::as_slice);
        let differ = mine
            .iter()
            .filter(|(h, _)| !self.agree(g, *h))
            .map(|(_, n)| n)
            .sum();
        (differ, mine.iter().any(|(h, _)| self.agree(g, *h)))
    }

    /// For each figure, how many other documents give a figure that agrees with it.
    pub(super) fn support(&self) -> Vec<usize> {
        self.list
            .iter()
            .zip(&self.group_of)
            .map(|((d, _), &g)| self.agreeing_docs[g] - usize::from(self.own(*d, g).1))
            .collect()
    }

    /// For each figure `i` in `wanted`, the figures of other documents that disagree
    /// with it: the first `listed` in input order, and how many more there are.
    pub(super) fn disagreeing(&self, wanted: &[usize], listed: usize) -> Vec<(Vec<usize>, usize)> {
        // Per group, enough of the first disagreeing figures that each of its
        // figures still has `listed` once its own document's are left out.
        let mut reach: HashMap<usize, usize> = HashMap::new();
        for &i in wanted {
            let (g, d) = (self.group_of[i], self.list[i].0);
            let r = reach.entry(g).or_default();
            *r = (*r).max(listed + self.own(d, g).0);
        }
        let prefix: HashMap<usize, Vec<usize>> = reach
            .into_iter()
            .map(|(g, n)| (g, self.first_disagreeing(g, n)))
            .collect();
        wanted
            .iter()
            .map(|&i| {
                let (g, d) = (self.group_of[i], self.list[i].0);
                let shown: Vec<usize> = prefix[&g]
                    .iter()
                    .copied()
                    .filter(|&j| self.list[j].0 != d)
                    .take(listed)
                    .collect();
                let total = self.list.len() - self.agreeing_figures(g) - self.own(d, g).0;
                let more = total - shown.len();
                (shown, more)
            })
            .collect()
    }

    /// The first `n` figures, in input order, that disagree with group `g`.
    fn first_disagreeing(&self, g: usize, n: usize) -> Vec<usize> {
        (0..self.list.len())
            .filter(|&j| !self.agree(g, self.group_of[j]))
            .take(n)
            .collect()
    }

    /// How many figures agree with group `g`.
    fn agreeing_figures(&self, g: usize) -> usize {
        self.agrees[g].iter().map(|&h| self.members[h].len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Hedge;
    use crate::sources::Place;

    /// What every figure of a slot gets, worked out pair by pair: the other
    /// documents agreeing with it, and the figures of other documents disagreeing.
    fn pairwise(list: &[(usize, &FigureSeen)]) -> (Vec<usize>, Vec<Vec<usize>>) {
        let agree = |i: usize, j: usize| figures_agree(&list[i].1.quantity, &list[j].1.quantity);
        let n = list.len();
        let support = (0..n)
            .map(|i| {
                let mut docs: Vec<usize> = (0..n)
                    .filter(|&j| list[j].0 != list[i].0 && agree(i, j))
                    .map(|j| list[j].0)
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                docs.len()
            })
            .collect();
        let against = (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| list[j].0 != list[i].0 && !agree(i, j))
                    .collect()
            })
            .collect();
        (support, against)
    }

    fn figure(value: f64, step: f64, upper: Option<f64>, kind: QuantityKind) -> FigureSeen {
        let quantity = Quantity {
            span: 0..1,
            kind,
            value,
            step,
            upper,
            hedge: Some(Hedge::About),
            direction: None,
        };
        let place = Place {
            file: "d.md".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            span: 0..1,
            mark: Default::default(),
        };
        FigureSeen {
            claim: 0,
            slot: 0,
            expected: None,
            agrees: None,
            quantity,
            text: format!("{value}"),
            place,
        }
    }

    /// Seeded slots: few and many values, precisions that make neighbours agree,
    /// ranges, two kinds, directions, documents giving several figures.
    fn slot_cases() -> Vec<Vec<(usize, FigureSeen)>> {
        let mut state = crate::seeded::Seeded(0x5eed);
        let mut next = |n: u64| state.below(n as usize);
        (0..60)
            .map(|case| {
                let figures = 1 + next(120);
                let docs = 1 + next(40);
                let values = 1 + next(if case % 2 == 0 { 5 } else { 60 }) as u64;
                (0..figures)
                    .map(|_| {
                        let value = 10.0 + next(values) as f64;
                        let step = [1.0, 0.1, 10.0][next(3)];
                        let upper = (next(8) == 0).then(|| value + next(5) as f64);
                        let kind = if next(10) == 0 {
                            QuantityKind::Number
                        } else {
                            QuantityKind::Percent
                        };
                        let mut f = figure(value, step, upper, kind);
                        f.quantity.direction = match next(6) {
                            0 => Some(Direction::Rise),
                            1 => Some(Direction::Fall),
                            _ => None,
                        };
                        (next(docs as u64), f)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn groups_give_what_pairs_give() {
        for (case, owned) in slot_cases().iter().enumerate() {
            let list: Vec<(usize, &FigureSeen)> = owned.iter().map(|(d, f)| (*d, f)).collect();
            let (support, against) = pairwise(&list);
            let slot = Slot::new(&list);
            assert_eq!(slot.support(), support, "case {case}: support");
            let all: Vec<usize> = (0..list.len()).collect();
            for listed in [0, 1, 3, 10] {
                for (i, (shown, more)) in slot.disagreeing(&all, listed).into_iter().enumerate() {
                    let want: Vec<usize> = against[i].iter().copied().take(listed).collect();
                    assert_eq!(shown, want, "case {case}, figure {i}, listed {listed}");
                    assert_eq!(
                        more,
                        against[i].len() - want.len(),
                        "case {case}, figure {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn equal_figures_are_one_group() {
        let owned: Vec<(usize, FigureSeen)> = (0..50)
            .map(|d| {
                (
                    d,
                    figure(
                        20.0 + (d % 2) as f64 * 5.0,
                        1.0,
                        None,
                        QuantityKind::Percent,
                    ),
                )
            })
            .collect();
        let list: Vec<(usize, &FigureSeen)> = owned.iter().map(|(d, f)| (*d, f)).collect();
        let slot = Slot::new(&list);
        assert_eq!(slot.members.len(), 2);
        // 25 documents say 20%, 25 say 25%: each agrees with the 24 others of its side.
        assert!(slot.support().iter().all(|&s| s == 24));
    }
}
