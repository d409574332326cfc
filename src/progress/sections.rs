//! The sections of a module the learner has opened, kept as runs of neighbouring indexes: a
//! module of 200 000 sections read from the first to the last is one run, in memory and in the
//! file (`opened_sections = "0-199999"`), so what kurs writes stays far below what it reads back.
//! Older files list every index on its own (`opened_sections = [0, 1, 2]`); both are read.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A set of section indexes (0 is the first section), stored as sorted runs `first..=last`
/// that neither overlap nor touch, so two equal sets are always stored alike.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SectionSet {
    runs: Vec<(usize, usize)>,
}

impl SectionSet {
    pub fn new() -> SectionSet {
        SectionSet::default()
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// How many sections are in the set.
    pub fn len(&self) -> usize {
        self.runs.iter().fold(0usize, |n, &(first, last)| {
            n.saturating_add((last - first).saturating_add(1))
        })
    }

    /// How many sections below `end` are in the set: the sections read of a module that has
    /// `end` sections now (a module that lost sections keeps the marks of the ones it lost).
    pub fn count_below(&self, end: usize) -> usize {
        self.runs
            .iter()
            .take_while(|&&(first, _)| first < end)
            .fold(0usize, |n, &(first, last)| {
                n.saturating_add(last.min(end - 1) - first + 1)
            })
    }

    /// The index of the run that holds `section`, or where a run holding it would be inserted.
    fn find(&self, section: usize) -> Result<usize, usize> {
        self.runs.binary_search_by(|&(first, last)| {
            if last < section {
                std::cmp::Ordering::Less
            } else if first > section {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
    }

    pub fn contains(&self, section: &usize) -> bool {
        self.find(*section).is_ok()
    }

    /// Adds one section; false when it was already there.
    pub fn insert(&mut self, section: usize) -> bool {
        if self.contains(&section) {
            return false;
        }
        self.insert_run(section, section);
        true
    }

    /// Adds every section from `first` to `last`, both included, merging the runs it touches.
    fn insert_run(&mut self, first: usize, last: usize) {
        // The runs that overlap or touch [first, last] are replaced by one run covering them all.
        let start = self
            .runs
            .partition_point(|&(_, end)| end.saturating_add(1) < first);
        let end = self
            .runs
            .partition_point(|&(begin, _)| begin <= last.saturating_add(1));
        let (mut from, mut to) = (first, last);
        if start < end {
            from = from.min(self.runs[start].0);
            to = to.max(self.runs[end - 1].1);
        }
        self.runs.splice(start..end, [(from, to)]);
    }

    /// Adds every section of `other`: what two writers opened is the union of both.
    pub fn union_with(&mut self, other: &SectionSet) {
        for &(first, last) in &other.runs {
            self.insert_run(first, last);
        }
    }

    pub fn is_subset(&self, other: &SectionSet) -> bool {
        self.runs
            .iter()
            .all(|&(first, last)| other.find(first).is_ok_and(|i| other.runs[i].1 >= last))
    }

    /// Every section, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.runs.iter().flat_map(|&(first, last)| first..=last)
    }
}

impl Extend<usize> for SectionSet {
    fn extend<I: IntoIterator<Item = usize>>(&mut self, sections: I) {
        for section in sections {
            self.insert(section);
        }
    }
}

impl FromIterator<usize> for SectionSet {
    fn from_iter<I: IntoIterator<Item = usize>>(sections: I) -> Self {
        let mut set = SectionSet::new();
        set.extend(sections);
        set
    }
}

impl<const N: usize> From<[usize; N]> for SectionSet {
    fn from(sections: [usize; N]) -> Self {
        sections.into_iter().collect()
    }
}

/// `0-3, 5, 9-12`: each run as `first-last`, a run of one as its number.
impl fmt::Display for SectionSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &(first, last)) in self.runs.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if first == last {
                write!(f, "{first}")?;
            } else {
                write!(f, "{first}-{last}")?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for SectionSet {
    type Err = String;

    /// Reads what `Display` writes; runs may come in any order and overlap.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut set = SectionSet::new();
        for entry in text.split(',').map(str::trim) {
            if entry.is_empty() && text.trim().is_empty() {
                break;
            }
            let number = |part: &str| {
                part.trim()
                    .parse::<usize>()
                    .map_err(|_| format!("`{entry}` is not a section number or a run like 3-7"))
            };
            let (first, last) = match entry.split_once('-') {
                Some((first, last)) => (number(first)?, number(last)?),
                None => (number(entry)?, number(entry)?),
            };
            if first > last {
                return Err(format!("the run `{entry}` ends before it begins"));
            }
            set.insert_run(first, last);
        }
        Ok(set)
    }
}

impl Serialize for SectionSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SectionSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SectionsVisitor)
    }
}

struct SectionsVisitor;

impl<'de> Visitor<'de> for SectionsVisitor {
    type Value = SectionSet;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("runs of section numbers like \"0-3, 5\", or a list of section numbers")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<SectionSet, E> {
        text.parse().map_err(E::custom)
    }

    /// The form of schema_version 1 and 2: one number per section.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SectionSet, A::Error> {
        let mut set = SectionSet::new();
        while let Some(section) = seq.next_element::<usize>()? {
            set.insert(section);
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    #[test]
    fn count_below_counts_only_the_sections_a_module_still_has() {
        let mut set = SectionSet::new();
        for i in [0, 1, 2, 5, 6, 9] {
            set.insert(i);
        }
        assert_eq!(set.count_below(10), 6);
        assert_eq!(set.count_below(6), 4);
        assert_eq!(set.count_below(1), 1);
        assert_eq!(set.count_below(0), 0);
    }

    #[test]
    fn neighbours_become_one_run() {
        let set: SectionSet = [3, 1, 2, 7, 0, 5, 6].into();
        assert_eq!(set.to_string(), "0-3, 5-7");
        assert_eq!(set.len(), 7);
        assert!(set.contains(&5) && !set.contains(&4) && !set.contains(&8));
    }

    #[test]
    fn two_hundred_thousand_sections_read_in_order_are_one_run() {
        let set: SectionSet = (0..200_000).collect();
        assert_eq!(set.to_string(), "0-199999");
        assert_eq!(set.len(), 200_000);
    }

    #[test]
    fn the_text_is_read_back_in_any_order_and_with_overlaps() {
        let set: SectionSet = " 9 , 0-2,1-4,12-12, 5".parse().expect("runs");
        assert_eq!(set.to_string(), "0-5, 9, 12");
        assert_eq!("".parse::<SectionSet>(), Ok(SectionSet::new()));
        for bad in [
            "x",
            "3-1",
            "1-",
            "-1",
            "1,,2",
            "1-2-3",
            "18446744073709551616",
        ] {
            assert!(bad.parse::<SectionSet>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_huge_run_costs_no_memory() {
        let set: SectionSet = "0-18446744073709551615".parse().expect("one run");
        assert_eq!(set.len(), usize::MAX);
        assert!(set.contains(&usize::MAX));
    }

    proptest! {
        #[test]
        fn behaves_like_a_set_of_numbers(a in proptest::collection::vec(0usize..64, 0..40),
                                         b in proptest::collection::vec(0usize..64, 0..40)) {
            let model: BTreeSet<usize> = a.iter().copied().collect();
            let other: BTreeSet<usize> = b.iter().copied().collect();
            let set: SectionSet = a.iter().copied().collect();
            let theirs: SectionSet = b.iter().copied().collect();
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), model.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(set.len(), model.len());
            prop_assert_eq!(set.is_subset(&theirs), model.is_subset(&other));
            let mut union = set.clone();
            union.union_with(&theirs);
            let expected: SectionSet = model.union(&other).copied().collect();
            prop_assert_eq!(&union, &expected);
            prop_assert_eq!(set.to_string().parse::<SectionSet>(), Ok(set));
        }
    }
}
