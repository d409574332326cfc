//! Points as progress keeps them: counted in hundredths, so that partial credit (half a point,
//! a third of the pairs of a match question) adds up exactly, with no binary fractions.
//! Written as a whole number when it is one, as every file before partial credit has it.

use std::fmt;
use std::ops::{Add, AddAssign};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A score in points, to the hundredth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(u64);

impl Points {
    pub const ZERO: Points = Points(0);

    /// `n` whole points.
    pub const fn whole(n: u32) -> Points {
        Points(n as u64 * 100)
    }

    pub const fn from_hundredths(hundredths: u64) -> Points {
        Points(hundredths)
    }

    pub const fn hundredths(self) -> u64 {
        self.0
    }

    /// Whether this is a whole number of points (every score without partial credit is).
    pub const fn is_whole(self) -> bool {
        self.0.is_multiple_of(100)
    }

    /// The whole points and the hundredths beyond them: 2.5 is (2, 50).
    pub const fn parts(self) -> (u64, u64) {
        (self.0 / 100, self.0 % 100)
    }

    /// Percent of `max` whole points, rounded down; `None` when `max` is 0 (nothing was scored).
    pub fn percent_of(self, max: u32) -> Option<u64> {
        self.0.checked_div(u64::from(max))
    }

    /// As a plain number, for xAPI's `raw` score.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, other: Points) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

impl fmt::Display for Points {
    /// As the progress file writes it: `7`, `2.5`, `2.25`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let (whole, hundredths) = self.parts();
        match hundredths {
            0 => write!(f, "{whole}"),
            h if h % 10 == 0 => write!(f, "{whole}.{}", h / 10),
            h => write!(f, "{whole}.{h:02}"),
        }
    }
}

impl std::str::FromStr for Points {
    type Err = String;

    /// What [`Display`](fmt::Display) writes, read under the rules of a number in the file.
    fn from_str(text: &str) -> Result<Points, String> {
        let read: Result<Points, de::value::Error> = if text.contains('.') {
            match text.parse::<f64>() {
                Ok(n) => PointsVisitor.visit_f64(n),
                Err(_) => return Err(format!("`{text}` is not a number of points")),
            }
        } else {
            match text.parse::<u64>() {
                Ok(n) => PointsVisitor.visit_u64(n),
                Err(_) => return Err(format!("`{text}` is not a number of points")),
            }
        };
        read.map_err(|error| error.to_string())
    }
}

/// Most whole points a file may claim: what the `u32` of earlier versions held.
const MAX_WHOLE: u64 = u32::MAX as u64;

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            serializer.serialize_u64(self.0 / 100)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Points, D::Error> {
        deserializer.deserialize_any(PointsVisitor)
    }
}

struct PointsVisitor;

impl Visitor<'_> for PointsVisitor {
    type Value = Points;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number of points, 0 or more")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Points, E> {
        if n > MAX_WHOLE {
            return Err(E::custom("more points than kurs counts"));
        }
        Ok(Points(n * 100))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Points, E> {
        u64::try_from(n)
            .map_err(|_| E::custom("negative points"))
            .and_then(|n| self.visit_u64(n))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Points, E> {
        if !n.is_finite() || n < 0.0 || n > MAX_WHOLE as f64 {
            return Err(E::custom("points must be a number from 0"));
        }
        // To the nearest hundredth: a file holds 2.33 for 233 hundredths, which f64 holds as
        // 2.32999…
        Ok(Points((n * 100.0).round() as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        points: Points,
    }

    fn written(points: Points) -> String {
        toml::to_string(&Holder { points }).expect("serialize")
    }

    #[test]
    fn whole_points_are_written_as_a_whole_number_as_before_partial_credit() {
        assert_eq!(written(Points::whole(3)), "points = 3\n");
    }

    #[test]
    fn partial_points_are_written_as_a_decimal_and_read_back_exactly() {
        for hundredths in [50, 250, 233, 1, 99, 100_033] {
            let points = Points::from_hundredths(hundredths);
            let text = written(points);
            let back: Holder = toml::from_str(&text).expect("deserialize");
            assert_eq!(back.points, points, "{text}");
        }
        assert_eq!(written(Points::from_hundredths(250)), "points = 2.5\n");
    }

    #[test]
    fn negative_or_endless_points_are_refused() {
        for text in [
            "points = -1",
            "points = -0.5",
            "points = inf",
            "points = nan",
        ] {
            assert!(toml::from_str::<Holder>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn percent_is_rounded_down_and_none_without_a_maximum() {
        assert_eq!(Points::from_hundredths(250).percent_of(3), Some(83));
        assert_eq!(Points::whole(2).percent_of(3), Some(66));
        assert_eq!(Points::ZERO.percent_of(0), None);
    }
}
