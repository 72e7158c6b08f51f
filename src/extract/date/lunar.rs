//! Holidays of lunar and lunisolar calendars: Jewish (Hebrew calendar, computed),
//! Islamic (Umm al-Qura calendar, tabulated) and Chinese New Year (tabulated).
//!
//! * **Hebrew calendar.** Computed exactly with the fixed arithmetic rules (molad of
//!   Tishrei and the four postponements), as given by Reingold & Dershowitz,
//!   *Calendrical Calculations*, ch. 8. Jewish days begin at sundown, so a holiday's
//!   period starts on the civil day of its eve ("Yom Kippur 2018" is 18–19 September);
//!   multi-day holidays take their diaspora length (Passover 8 days, Shavuot and Rosh
//!   Hashanah 2, Sukkot through Shemini Atzeret).
//! * **Islamic calendar.** The Umm al-Qura calendar of Saudi Arabia (King Abdulaziz
//!   City for Science and Technology), Hijri years 1369–1500 (23 October 1949 – 15
//!   November 2077), generated with the Python package hijridate 2.6.0, which ships
//!   those official tables. Holidays are the civil days of the Umm al-Qura date; where
//!   local moon sighting differs by a day, the table's day is used. Outside the table:
//!   no date.
//! * **Chinese New Year**, 1900–2099, generated with the Python package lunardate
//!   0.3.0 (data of the Hong Kong Observatory's Gregorian–lunar conversion tables).
//!   Dates are calendar facts; no code was taken from either package.

use jiff::civil::{Date, Weekday};

use super::resolve::{add_days, ymd};

/// A Jewish holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Jewish {
    RoshHashanah,
    YomKippur,
    Sukkot,
    SheminiAtzeret,
    SimchatTorah,
    Hanukkah,
    TuBishvat,
    Purim,
    ShushanPurim,
    Passover,
    YomHashoah,
    YomHaatzmaut,
    LagBaomer,
    Shavuot,
    TishaBav,
}

/// An Islamic holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Islamic {
    /// A day of a Hijri month: (month 1..=12, day).
    Day(u8, u8),
    /// A whole Hijri month ("Ramadan").
    Month(u8),
    /// The last Friday of Ramadan (Jumu'atul-Wida).
    LastFridayOfRamadan,
}

/// Days from the Rata Die epoch (1 January of year 1, proleptic Gregorian) to
/// 1970-01-01.
const RD_UNIX: i64 = 719_163;
/// The Rata Die of the Hebrew calendar's epoch (1 Tishrei AM 1).
const HEBREW_EPOCH: i64 = -1_373_427;

fn from_rd(rd: i64) -> Option<Date> {
    add_days(ymd(1970, 1, 1)?, rd - RD_UNIX)
}

/// Days from the Hebrew epoch to the (postponed) molad of Tishrei of year `y`.
fn elapsed_days(y: i64) -> i64 {
    let months = (235 * y - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let day = 29 * months + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

/// Rata Die of 1 Tishrei (Rosh Hashanah) of Hebrew year `y`.
fn new_year_rd(y: i64) -> i64 {
    let (ny0, ny1, ny2) = (elapsed_days(y - 1), elapsed_days(y), elapsed_days(y + 1));
    let corr = if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    };
    HEBREW_EPOCH + ny1 + corr
}

fn hebrew_leap(y: i64) -> bool {
    (7 * y + 1).rem_euclid(19) < 7
}

/// The civil days a Jewish holiday covers in Gregorian year `gy`, from its eve.
pub(super) fn jewish(h: Jewish, gy: i32) -> Option<(Date, Date)> {
    if !(1600..=2400).contains(&gy) {
        return None;
    }
    let gy = i64::from(gy);
    // Tishrei falls in September/October of Gregorian year gy in Hebrew year gy + 3761;
    // Nisan in March/April of gy in Hebrew year gy + 3760.
    let tishrei = new_year_rd(gy + 3761);
    let next = new_year_rd(gy + 3762);
    // 15 Nisan of Hebrew year gy + 3760 is always 163 days before 1 Tishrei of gy + 3761.
    let pesach = tishrei - 163;
    let wd = |rd: i64| rd.rem_euclid(7); // 0 = Sunday
    let (first, days) = match h {
        Jewish::RoshHashanah => (tishrei, 2),
        Jewish::YomKippur => (tishrei + 9, 1),
        Jewish::Sukkot => (tishrei + 14, 8),
        Jewish::SheminiAtzeret => (tishrei + 21, 1),
        Jewish::SimchatTorah => (tishrei + 22, 1),
        Jewish::Hanukkah => {
            // 25 Kislev; Heshvan has 30 days in a "complete" year (355 or 385 days).
            let heshvan = if (next - tishrei) % 10 == 5 { 30 } else { 29 };
            (tishrei + 30 + heshvan + 24, 8)
        }
        Jewish::TuBishvat => {
            let back = if hebrew_leap(gy + 3760) { 89 } else { 59 };
            (pesach - back, 1)
        }
        Jewish::Purim => (pesach - 30, 1),
        Jewish::ShushanPurim => (pesach - 29, 1),
        Jewish::Passover => (pesach, 8),
        Jewish::YomHashoah => {
            // 27 Nisan; moved off Friday to Thursday and off Sunday to Monday.
            let d = pesach + 12;
            let d = match wd(d) {
                5 => d - 1,
                0 => d + 1,
                _ => d,
            };
            (d, 1)
        }
        Jewish::YomHaatzmaut => {
            // 5 Iyar; Friday or Saturday moves to the Thursday before, Monday to
            // Tuesday.
            let d = pesach + 20;
            let d = match wd(d) {
                5 => d - 1,
                6 => d - 2,
                1 => d + 1,
                _ => d,
            };
            (d, 1)
        }
        Jewish::LagBaomer => (pesach + 33, 1),
        Jewish::Shavuot => (pesach + 50, 2),
        Jewish::TishaBav => {
            // 9 Av; moved from the Sabbath to Sunday.
            let d = pesach + 112;
            (if wd(d) == 6 { d + 1 } else { d }, 1)
        }
    };
    Some((from_rd(first - 1)?, from_rd(first + days - 1)?))
}

/// First Hijri year in [`UMM_AL_QURA`].
const UQ_FIRST_YEAR: i32 = 1369;

/// The civil days an Islamic holiday covers, first occurrence in Gregorian year `gy`.
pub(super) fn islamic(h: Islamic, gy: i32) -> Option<(Date, Date)> {
    // Hijri years overlapping gy: a Hijri year is about 354 days long.
    let approx = ((gy - 622) * 33) / 32;
    let base = ymd(1900, 1, 1)?;
    let jan1 = ymd(gy, 1, 1)?;
    for hy in approx - 1..=approx + 2 {
        let Some(&(start, mask)) = usize::try_from(hy - UQ_FIRST_YEAR)
            .ok()
            .and_then(|i| UMM_AL_QURA.get(i))
        else {
            continue;
        };
        let month_start = |m: u8| -> i64 {
            let mut d = i64::from(start);
            for k in 0..u32::from(m - 1) {
                d += if mask & (1 << k) != 0 { 30 } else { 29 };
            }
            d
        };
        let month_len = |m: u8| -> i64 { if mask & (1 << (m - 1)) != 0 { 30 } else { 29 } };
        let (a, b) = match h {
            Islamic::Day(m, d) => {
                let x = month_start(m) + i64::from(d) - 1;
                (x, x)
            }
            Islamic::Month(m) => {
                let x = month_start(m);
                (x, x + month_len(m) - 1)
            }
            Islamic::LastFridayOfRamadan => {
                let last = add_days(base, month_start(9) + month_len(9) - 1)?;
                let back = (last.weekday().to_monday_zero_offset()
                    - Weekday::Friday.to_monday_zero_offset())
                .rem_euclid(7);
                let x = month_start(9) + month_len(9) - 1 - i64::from(back);
                (x, x)
            }
        };
        let (a, b) = (add_days(base, a)?, add_days(base, b)?);
        if a.year() == jan1.year() {
            return Some((a, b));
        }
    }
    None
}

/// Chinese New Year in Gregorian year `gy`.
pub(super) fn chinese_new_year(gy: i32) -> Option<Date> {
    let (m, d) = *CHINESE_NEW_YEAR.get(usize::try_from(gy - 1900).ok()?)?;
    ymd(gy, u32::from(m), u32::from(d))
}

/// Umm al-Qura: for each Hijri year from [`UQ_FIRST_YEAR`], the day of 1 Muharram
/// (days after 1900-01-01) and a mask of its months that have 30 days (bit 0: Muharram).
const UMM_AL_QURA: [(u16, u16); 132] = [
    (18192, 0x6d5),
    (18547, 0x555),
    (18901, 0xea5),
    (19256, 0xd2a),
    (19610, 0xaaa),
    (19964, 0xcd5),
    (20319, 0x655),
    (20673, 0x572),
    (21027, 0xda9),
    (21382, 0x555),
    (21736, 0xaaa),
    (22090, 0x555),
    (22444, 0x52d),
    (22798, 0xa6d),
    (23153, 0x55a),
    (23507, 0x555),
    (23861, 0x74d),
    (24216, 0xd53),
    (24571, 0xd54),
    (24925, 0x556),
    (25279, 0xd55),
    (25634, 0x2d5),
    (25988, 0xd55),
    (26343, 0xd54),
    (26697, 0xd45),
    (27051, 0x655),
    (27405, 0x52d),
    (27759, 0xa5d),
    (28114, 0x55a),
    (28468, 0xad5),
    (28823, 0x6aa),
    (29177, 0xd4b),
    (29532, 0x52a),
    (29885, 0xa57),
    (30240, 0x4ae),
    (30594, 0x976),
    (30949, 0x56c),
    (31303, 0xb55),
    (31658, 0xaaa),
    (32012, 0xa55),
    (32366, 0x4ad),
    (32720, 0x95d),
    (33075, 0x2da),
    (33429, 0x5d9),
    (33784, 0xdb2),
    (34139, 0xba4),
    (34493, 0xb4a),
    (34847, 0xa55),
    (35201, 0x2b5),
    (35555, 0x575),
    (35910, 0xb6a),
    (36265, 0xbd2),
    (36620, 0xbc4),
    (36974, 0xb89),
    (37328, 0xa95),
    (37682, 0x52d),
    (38036, 0x5ad),
    (38391, 0xb6a),
    (38746, 0x6d4),
    (39100, 0xdc9),
    (39455, 0xd92),
    (39809, 0xaa6),
    (40163, 0x956),
    (40517, 0x2ae),
    (40871, 0x56d),
    (41226, 0x36a),
    (41580, 0xb55),
    (41935, 0xaaa),
    (42289, 0x94d),
    (42643, 0x49d),
    (42997, 0x95d),
    (43352, 0x2ba),
    (43706, 0x5b5),
    (44061, 0x5aa),
    (44415, 0xd55),
    (44770, 0xa9a),
    (45124, 0x92e),
    (45478, 0x26e),
    (45832, 0x55d),
    (46187, 0xada),
    (46542, 0x6d4),
    (46896, 0x6a5),
    (47250, 0x54b),
    (47604, 0xa97),
    (47959, 0x54e),
    (48313, 0xaae),
    (48668, 0x5ac),
    (49022, 0xba9),
    (49377, 0xd92),
    (49731, 0xb25),
    (50085, 0x64b),
    (50439, 0xcab),
    (50794, 0x55a),
    (51148, 0xb55),
    (51503, 0x6d2),
    (51857, 0xea5),
    (52212, 0xe4a),
    (52566, 0xa95),
    (52920, 0x52d),
    (53274, 0xaad),
    (53629, 0x36c),
    (53983, 0x759),
    (54338, 0x6d2),
    (54692, 0x695),
    (55046, 0x52d),
    (55400, 0xa5b),
    (55755, 0x4ba),
    (56109, 0x9ba),
    (56464, 0x3b4),
    (56818, 0xb69),
    (57173, 0xb52),
    (57527, 0xaa6),
    (57881, 0x4b6),
    (58235, 0x96d),
    (58590, 0x2ec),
    (58944, 0x6d9),
    (59299, 0xeb2),
    (59654, 0xd54),
    (60008, 0xd2a),
    (60362, 0xa56),
    (60716, 0x4ae),
    (61070, 0x96d),
    (61425, 0xd6a),
    (61780, 0xb54),
    (62134, 0xb29),
    (62488, 0xa93),
    (62842, 0x52b),
    (63196, 0xa57),
    (63551, 0x536),
    (63905, 0xab5),
    (64260, 0x6aa),
    (64614, 0xe93),
];

/// Chinese New Year (first day of the first lunar month), 1900–2099: (month, day).
const CHINESE_NEW_YEAR: [(u8, u8); 200] = [
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 29),
    (2, 16),
    (2, 4),
    (1, 25),
    (2, 13),
    (2, 2),
    (1, 22),
    (2, 10),
    (1, 30),
    (2, 18),
    (2, 6),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 23),
    (2, 11),
    (2, 1),
    (2, 20),
    (2, 8),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 24),
    (2, 13),
    (2, 2),
    (1, 23),
    (2, 10),
    (1, 30),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 14),
    (2, 4),
    (1, 24),
    (2, 11),
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 27),
    (2, 15),
    (2, 5),
    (1, 25),
    (2, 13),
    (2, 2),
    (1, 22),
    (2, 10),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 27),
    (2, 14),
    (2, 3),
    (1, 24),
    (2, 12),
    (1, 31),
    (2, 18),
    (2, 8),
    (1, 28),
    (2, 15),
    (2, 5),
    (1, 25),
    (2, 13),
    (2, 2),
    (1, 21),
    (2, 9),
    (1, 30),
    (2, 17),
    (2, 6),
    (1, 27),
    (2, 15),
    (2, 3),
    (1, 23),
    (2, 11),
    (1, 31),
    (2, 18),
    (2, 7),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 25),
    (2, 13),
    (2, 2),
    (2, 20),
    (2, 9),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 27),
    (2, 15),
    (2, 4),
    (1, 23),
    (2, 10),
    (1, 31),
    (2, 19),
    (2, 7),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 24),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 9),
    (1, 29),
    (2, 18),
    (2, 7),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 23),
    (2, 10),
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 25),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 10),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 13),
    (2, 3),
    (1, 23),
    (2, 11),
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 28),
    (2, 15),
    (2, 4),
    (1, 24),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 10),
    (1, 30),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 14),
    (2, 2),
    (1, 23),
    (2, 11),
    (2, 1),
    (2, 19),
    (2, 8),
    (1, 28),
    (2, 15),
    (2, 4),
    (1, 24),
    (2, 12),
    (2, 2),
    (1, 21),
    (2, 9),
    (1, 29),
    (2, 17),
    (2, 5),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 23),
    (2, 11),
    (1, 31),
    (2, 19),
    (2, 7),
    (1, 27),
    (2, 15),
    (2, 5),
    (1, 24),
    (2, 12),
    (2, 2),
    (1, 22),
    (2, 9),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 24),
    (2, 10),
    (1, 30),
    (2, 18),
    (2, 7),
    (1, 27),
    (2, 15),
    (2, 5),
    (1, 25),
    (2, 12),
    (2, 1),
    (1, 21),
];
