//! Table-driven tests: news-like sentences resolved against a stated publication date.

use jiff::civil::{Date, Weekday, date};

use super::*;

/// Friday, 5 December 2025: the publication date of most cases.
const PUB: &str = "2025-12-05";

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// (text, publication, expected mentions as (exact span text, value as displayed)).
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, publication, want) in cases {
        let publication = (!publication.is_empty()).then(|| d(publication));
        let got: Vec<(String, String)> = dates(text, publication)
            .iter()
            .map(|m| (text[m.span.clone()].to_string(), m.to_string()))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn explicit_dates() {
    check(&[
        (
            "Zakharova said on December 4, 2024 that talks had stalled.",
            PUB,
            &[("December 4, 2024", "2024-12-04")],
        ),
        (
            "The talks ended Dec. 4, 2024.",
            PUB,
            &[("Dec. 4, 2024", "2024-12-04")],
        ),
        (
            "The attacks of Sept. 11, 2001, changed everything.",
            PUB,
            &[("Sept. 11, 2001", "2001-09-11")],
        ),
        (
            "Posted Aug. 6, 2021 by staff",
            PUB,
            &[("Aug. 6, 2021", "2021-08-06")],
        ),
        (
            "Russia invaded on Feb. 24, 2022.",
            PUB,
            &[("Feb. 24, 2022", "2022-02-24")],
        ),
        (
            "It was signed on Sep 3, 2025 in Tbilisi.",
            PUB,
            &[("Sep 3, 2025", "2025-09-03")],
        ),
        (
            "It was signed on Dec 4 2024 in Tbilisi.",
            PUB,
            &[("Dec 4 2024", "2024-12-04")],
        ),
        (
            "The decree of 4 December 2024 stands.",
            PUB,
            &[("4 December 2024", "2024-12-04")],
        ),
        (
            "Elections were held on 4th December 2024.",
            PUB,
            &[("4th December 2024", "2024-12-04")],
        ),
        (
            "Elections were held on December 4th, 2024.",
            PUB,
            &[("December 4th, 2024", "2024-12-04")],
        ),
        (
            "The file is dated 2024-12-04.",
            PUB,
            &[("2024-12-04", "2024-12-04")],
        ),
        (
            "The letter is dated 12/04/2024.",
            PUB,
            &[("12/04/2024", "2024-12-04")],
        ),
        (
            "The letter is dated 31/10/2024.",
            PUB,
            &[("31/10/2024", "2024-10-31")],
        ),
        (
            "The order of 03.12.2025 was annulled.",
            PUB,
            &[("03.12.2025", "2025-12-03")],
        ),
        (
            "Parliament met on the 4th of December.",
            PUB,
            &[("the 4th of December", "2025-12-04")],
        ),
        (
            "It happened on May 9, 1945.",
            PUB,
            &[("May 9, 1945", "1945-05-09")],
        ),
    ]);
}

#[test]
fn weekday_written_with_date() {
    let text = "The summit opened Thursday, December 3, 2025, in Brussels.";
    let m = dates(text, Some(d(PUB)));
    assert_eq!(m.len(), 1);
    assert_eq!(&text[m[0].span.clone()], "Thursday, December 3, 2025");
    assert_eq!(m[0].value, DateValue::Day(date(2025, 12, 3)));
    assert_eq!(m[0].resolution, Resolution::Absolute);
    let (wd, span) = m[0].written_weekday.clone().unwrap();
    assert_eq!(wd, Weekday::Thursday);
    assert_eq!(&text[span], "Thursday");
    // The weekday does not fit (December 3, 2025 was a Wednesday): a check can flag it.
    assert_ne!(m[0].value.start().weekday(), wd);

    let text = "Ministers met Wednesday (Dec. 3) in Kyiv.";
    let m = dates(text, Some(d(PUB)));
    assert_eq!(m.len(), 1);
    assert_eq!(&text[m[0].span.clone()], "Wednesday (Dec. 3)");
    assert_eq!(m[0].value, DateValue::Day(date(2025, 12, 3)));
    assert_eq!(m[0].resolution, Resolution::InferredYear);
    assert_eq!(
        m[0].written_weekday.as_ref().map(|w| w.0),
        Some(Weekday::Wednesday)
    );

    // A yearless date with a weekday that fits no year of the clause keeps the
    // inferred year, so the wrong weekday stays visible.
    let text = "He spoke on Thursday, Dec. 3.";
    let m = dates(text, Some(d(PUB)));
    assert_eq!(m[0].value, DateValue::Day(date(2025, 12, 3)));
    assert_eq!(
        m[0].written_weekday.as_ref().map(|w| w.0),
        Some(Weekday::Thursday)
    );

    check(&[
        (
            "The vote was held Monday, Dec. 1.",
            PUB,
            &[("Monday, Dec. 1", "2025-12-01")],
        ),
        (
            "Talks resume Tuesday, Jan. 6.",
            PUB,
            &[("Tuesday, Jan. 6", "2026-01-06")],
        ),
        (
            "Hearing set for Fri, Dec 12",
            PUB,
            &[("Fri, Dec 12", "2025-12-12")],
        ),
    ]);
}

#[test]
fn year_left_out() {
    check(&[
        (
            "Zakharova said on December 3 that the talks failed.",
            PUB,
            &[("December 3", "2025-12-03")],
        ),
        (
            "Zakharova said on Dec. 3 that the talks failed.",
            PUB,
            &[("Dec. 3", "2025-12-03")],
        ),
        // past clause, more than two months after publication: the year before
        (
            "The minister said on December 30 that he would resign.",
            "2026-01-10",
            &[("December 30", "2025-12-30")],
        ),
        (
            "The ceasefire was agreed on February 10.",
            PUB,
            &[("February 10", "2025-02-10")],
        ),
        // within the two-month window a past clause keeps the publication year
        (
            "The vote on December 15 was postponed.",
            "2025-11-20",
            &[("December 15", "2025-12-15")],
        ),
        // future clause: the year after when the date has passed
        (
            "The parties will meet on January 15.",
            PUB,
            &[("January 15", "2026-01-15")],
        ),
        (
            "The court is due to rule on March 3.",
            PUB,
            &[("March 3", "2026-03-03")],
        ),
        ("Prices rose in June.", PUB, &[("June", "2025-06")]),
        (
            "The company said revenue fell in March.",
            "2026-02-10",
            &[("March", "2025-03")],
        ),
    ]);
}

#[test]
fn months_and_years() {
    check(&[
        (
            "Inflation peaked in June 2019.",
            PUB,
            &[("June 2019", "2019-06")],
        ),
        (
            "The law took effect in January of 2020.",
            PUB,
            &[("January of 2020", "2020-01")],
        ),
        (
            "Tbilisi has hosted the forum since 2012.",
            PUB,
            &[("2012", "since 2012")],
        ),
        ("The plant closed in 2019.", PUB, &[("2019", "2019")]),
        (
            "Unemployment was higher before 2010.",
            PUB,
            &[("2010", "before 2010")],
        ),
        ("Rates are frozen until 2027.", PUB, &[("2027", "by 2027")]),
        (
            "Veterans of the 2008 war gathered.",
            PUB,
            &[("2008", "2008")],
        ),
        (
            "Turnout rose in the first ten primaries of 2024.",
            PUB,
            &[("2024", "2024")],
        ),
        (
            "The floods of 1953 reshaped the coast.",
            PUB,
            &[("1953", "1953")],
        ),
        (
            "Growth slowed in the 1990s.",
            PUB,
            &[("the 1990s", "1990s")],
        ),
        ("Growth slowed in the '90s.", PUB, &[("the '90s", "1990s")]),
        (
            "The economy grew in 2016, 2018 and 2020.",
            PUB,
            &[("2016", "2016"), ("2018", "2018"), ("2020", "2020")],
        ),
        (
            "The 21st century began quietly.",
            PUB,
            &[("The 21st century", "2000-01-01/2099-12-31")],
        ),
    ]);
}

#[test]
fn numbers_that_are_not_years() {
    check(&[
        ("The company cut 2,012 jobs.", PUB, &[]),
        ("The fine was $2012.", PUB, &[]),
        ("In 2012 jobs were cut.", PUB, &[]),
        ("He scored 2012 points in his career.", PUB, &[]),
        ("Three quarters, or 3/4 of voters, agreed.", PUB, &[]),
        ("The office is on the 4th floor.", PUB, &[]),
        ("About 1500 people attended.", PUB, &[]),
        ("The club printed thousands of 2000 tickets.", PUB, &[]),
        ("Fans queued in rows of 1950 and more.", PUB, &[]),
        ("He won three races of 1500 metres.", PUB, &[]),
        ("The temperature was 2015.5 degrees.", PUB, &[]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "Turnout rose between 2019 and 2021.",
            PUB,
            &[("between 2019 and 2021", "2019-01-01/2021-12-31")],
        ),
        (
            "The 2019-2021 program ended.",
            PUB,
            &[("2019-2021", "2019-01-01/2021-12-31")],
        ),
        (
            "The 2019-21 budget was cut.",
            PUB,
            &[("2019-21", "2019-01-01/2021-12-31")],
        ),
        (
            "Fighting raged from March to June 2024.",
            PUB,
            &[("from March to June 2024", "2024-03-01/2024-06-30")],
        ),
        (
            "The forum runs from December 1 to 3, 2025.",
            PUB,
            &[("from December 1 to 3, 2025", "2025-12-01/2025-12-03")],
        ),
        (
            "The forum ran Dec. 1-3 in Baku.",
            PUB,
            &[("Dec. 1-3", "2025-12-01/2025-12-03")],
        ),
        (
            "The festival ran June 1 - June 5.",
            PUB,
            &[("June 1 - June 5", "2025-06-01/2025-06-05")],
        ),
        (
            "Strikes were held 13th to 15th July.",
            PUB,
            &[("13th to 15th July", "2025-07-13/2025-07-15")],
        ),
        (
            "She was away April 27 to the 3rd.",
            PUB,
            &[("April 27 to the 3rd", "2025-04-27/2025-05-03")],
        ),
        (
            "The index rose between Jan 2024 and now.",
            PUB,
            &[("between Jan 2024 and now", "2024-01-01/2025-12-05")],
        ),
    ]);
}

#[test]
fn weekdays_and_tense() {
    // PUB is a Friday.
    check(&[
        (
            "Zakharova said on Wednesday that the talks had stalled.",
            PUB,
            &[("Wednesday", "2025-12-03")],
        ),
        (
            "The ministers met Tuesday in Geneva.",
            PUB,
            &[("Tuesday", "2025-12-02")],
        ),
        (
            "Ryabkov said Sunday that Moscow was ready.",
            PUB,
            &[("Sunday", "2025-11-30")],
        ),
        (
            "Ryabkov said      Sunday that Moscow was ready.",
            PUB,
            &[("Sunday", "2025-11-30")],
        ),
        (
            "Ryabkov said\non Sunday that Moscow was ready.",
            PUB,
            &[("Sunday", "2025-11-30")],
        ),
        (
            "The council will meet on Monday.",
            PUB,
            &[("Monday", "2025-12-08")],
        ),
        (
            "The council will meet on Friday.",
            PUB,
            &[("Friday", "2025-12-05")],
        ),
        (
            "Parliament is due to vote on Tuesday.",
            PUB,
            &[("Tuesday", "2025-12-09")],
        ),
        (
            "She plans to travel to Brussels on Thursday.",
            PUB,
            &[("Thursday", "2025-12-11")],
        ),
        (
            "The leaders are to meet Wednesday.",
            PUB,
            &[("Wednesday", "2025-12-10")],
        ),
        (
            "On Monday, the court will rule on the appeal.",
            PUB,
            &[("Monday", "2025-12-08")],
        ),
        (
            "The vote, which was expected to take place on Thursday, was postponed.",
            PUB,
            &[("Thursday", "2025-12-04")],
        ),
        (
            "We'll know more on Saturday.",
            PUB,
            &[("Saturday", "2025-12-06")],
        ),
        (
            "The talks resume next Friday.",
            PUB,
            &[("next Friday", "2025-12-12")],
        ),
        (
            "The talks began last Friday.",
            PUB,
            &[("last Friday", "2025-11-28")],
        ),
        (
            "The talks began this past Monday.",
            PUB,
            &[("this past Monday", "2025-12-01")],
        ),
        (
            "Voting starts this coming Monday.",
            PUB,
            &[("this coming Monday", "2025-12-08")],
        ),
        (
            "Voting starts Wednesday of next week.",
            PUB,
            &[("Wednesday of next week", "2025-12-10")],
        ),
        (
            "Protesters gathered late Tuesday outside parliament.",
            PUB,
            &[("late Tuesday", "2025-12-02")],
        ),
        ("Bloody Sunday is remembered every year.", PUB, &[]),
        (
            "On Good Friday the churches were full.",
            "2025-04-25",
            &[("Good Friday", "2025-04-18")],
        ),
        ("The following Monday he resigned.", PUB, &[]),
    ]);
}

#[test]
fn relative_days_and_periods() {
    check(&[
        (
            "The minister resigned yesterday.",
            PUB,
            &[("yesterday", "2025-12-04")],
        ),
        (
            "The minister resigns today.",
            PUB,
            &[("today", "2025-12-05")],
        ),
        (
            "The minister resigns tomorrow.",
            PUB,
            &[("tomorrow", "2025-12-06")],
        ),
        ("Exports fell last week.", PUB, &[("last week", "2025-W48")]),
        ("Exports fell this week.", PUB, &[("this week", "2025-W49")]),
        ("Talks resume next week.", PUB, &[("next week", "2025-W50")]),
        ("Prices rose last month.", PUB, &[("last month", "2025-11")]),
        (
            "Prices will rise next month.",
            PUB,
            &[("next month", "2026-01")],
        ),
        ("Growth slowed last year.", PUB, &[("last year", "2024")]),
        ("Growth slowed this year.", PUB, &[("this year", "2025")]),
        (
            "Growth will pick up next year.",
            PUB,
            &[("next year", "2026")],
        ),
        (
            "Sales rose earlier this year.",
            PUB,
            &[("earlier this year", "2025-01-01/2025-12-05")],
        ),
        (
            "Sales rose earlier this month.",
            PUB,
            &[("earlier this month", "2025-12-01/2025-12-05")],
        ),
        (
            "The deal was signed a year ago.",
            PUB,
            &[("a year ago", "2024")],
        ),
        (
            "The deal was signed two days ago.",
            PUB,
            &[("two days ago", "2025-12-03")],
        ),
        (
            "The deal was signed three weeks ago.",
            PUB,
            &[("three weeks ago", "2025-11-14")],
        ),
        (
            "The envoy will return in two weeks.",
            PUB,
            &[("in two weeks", "2025-12-19")],
        ),
        ("The rouble hit its lowest level in two weeks.", PUB, &[]),
        (
            "Prices rose over the past two months.",
            PUB,
            &[("the past two months", "2025-10-01/2025-11-30")],
        ),
        (
            "Protests continued over the weekend.",
            PUB,
            &[("the weekend", "2025-11-29/2025-11-30")],
        ),
        (
            "The day before yesterday it snowed.",
            PUB,
            &[("The day before yesterday", "2025-12-03")],
        ),
        (
            "The results came in last night.",
            PUB,
            &[("last night", "2025-12-04")],
        ),
    ]);
}

#[test]
fn halves_and_quarters() {
    check(&[
        (
            "Output fell in the first half of 2025.",
            PUB,
            &[("the first half of 2025", "2025-H1")],
        ),
        ("Output fell in H1 2025.", PUB, &[("H1 2025", "2025-H1")]),
        ("Output fell in 2025-H1.", PUB, &[("2025-H1", "2025-H1")]),
        ("Output fell in 1H25.", PUB, &[("1H25", "2025-H1")]),
        (
            "Output will recover in the second half of the year.",
            PUB,
            &[("the second half of the year", "2025-H2")],
        ),
        (
            "Output fell in the third quarter.",
            PUB,
            &[("the third quarter", "2025-Q3")],
        ),
        ("Output fell in Q3 2025.", PUB, &[("Q3 2025", "2025-Q3")]),
        (
            "The bank posted a third-quarter profit.",
            PUB,
            &[("third-quarter", "2025-Q3")],
        ),
        (
            "Output fell in the fourth quarter of 2024.",
            PUB,
            &[("the fourth quarter of 2024", "2024-Q4")],
        ),
        (
            "Profits rose in the fourth quarter.",
            "2026-02-10",
            &[("the fourth quarter", "2025-Q4")],
        ),
        (
            "Profits rose in the first quarter.",
            PUB,
            &[("the first quarter", "2025-Q1")],
        ),
        ("Profits rose in 2018Q4.", PUB, &[("2018Q4", "2018-Q4")]),
    ]);
}

#[test]
fn seasons_parts_holidays() {
    check(&[
        (
            "Fires spread in summer 2024.",
            PUB,
            &[("summer 2024", "2024-06-01/2024-08-31")],
        ),
        (
            "Gas ran short last winter.",
            PUB,
            &[("last winter", "2024-12-01/2025-02-28")],
        ),
        (
            "The vote was held in early March.",
            PUB,
            &[("early March", "2025-03-01/2025-03-10")],
        ),
        (
            "Prices peaked in late 2024.",
            PUB,
            &[("late 2024", "2024-09-01/2024-12-31")],
        ),
        (
            "Prices peaked in mid-2024.",
            PUB,
            &[("mid-2024", "2024-05-01/2024-08-31")],
        ),
        (
            "Prices peaked at the end of 2024.",
            PUB,
            &[("the end of 2024", "2024-09-01/2024-12-31")],
        ),
        (
            "The law must pass by the end of the year.",
            PUB,
            &[("the end of the year", "by 2025")],
        ),
        (
            "He was arrested on Christmas Day 2024.",
            PUB,
            &[("Christmas Day 2024", "2024-12-25")],
        ),
        (
            "Churches in Georgia marked Orthodox Easter 2025.",
            PUB,
            &[("Orthodox Easter 2025", "2025-04-20")],
        ),
        (
            "Shops were busy on Thanksgiving.",
            PUB,
            &[("Thanksgiving", "2025-11-27")],
        ),
        (
            "The last week of October was calm.",
            PUB,
            &[("The last week of October", "2025-W44")],
        ),
        (
            "Talks are planned for the week of Dec. 15.",
            PUB,
            &[("the week of Dec. 15", "2025-W51")],
        ),
        (
            "The first Monday of March is a holiday there.",
            PUB,
            // no tense: the March nearest publication
            &[("The first Monday of March", "2026-03-02")],
        ),
    ]);
}

#[test]
fn words_that_are_not_dates() {
    check(&[
        ("It may rain later.", PUB, &[]),
        ("Protesters march on the capital.", PUB, &[]),
        ("The sun set early.", PUB, &[]),
        ("They wed in a small church.", PUB, &[]),
        ("She sat down.", PUB, &[]),
        ("February 30, 2025 is not a day.", PUB, &[]),
        ("The first time was different.", PUB, &[]),
        ("A second round is planned.", PUB, &[]),
        ("The deal, worth 10 million, was signed.", PUB, &[]),
        ("Call 555-123-4567 for help.", PUB, &[]),
        ("Version 2.1.3 was released.", PUB, &[]),
        ("The score was 3-1.", PUB, &[]),
    ]);
}

#[test]
fn lowercase_assistant_style() {
    check(&[
        (
            "the vote was held on march 3rd 2015",
            PUB,
            &[("march 3rd 2015", "2015-03-03")],
        ),
        (
            "next tuesday",
            "2013-02-12",
            &[("next tuesday", "2013-02-19")],
        ),
        (
            "the 3rd of march",
            "2013-02-12",
            &[("the 3rd of march", "2013-03-03")],
        ),
        ("monday", "2013-02-12", &[("monday", "2013-02-18")]),
        ("may 2019", PUB, &[("may 2019", "2019-05")]),
        ("it may be", PUB, &[]),
    ]);
}

#[test]
fn lists_share_their_month() {
    check(&[
        (
            "Strikes were held on 18 and 19 June 2024.",
            PUB,
            &[("18", "2024-06-18"), ("19 June 2024", "2024-06-19")],
        ),
        (
            "Strikes were held on June 18 and 19.",
            PUB,
            &[("June 18", "2025-06-18"), ("19", "2025-06-19")],
        ),
    ]);
}

#[test]
fn needs_publication_for_relative_dates() {
    check(&[
        (
            "Zakharova said on Wednesday that the talks had stalled.",
            "",
            &[],
        ),
        ("He spoke on December 3.", "", &[]),
        ("He spoke yesterday.", "", &[]),
        (
            "He spoke on December 3, 2025.",
            "",
            &[("December 3, 2025", "2025-12-03")],
        ),
        ("Growth slowed in the 1990s.", "", &[("the 1990s", "1990s")]),
    ]);
}

#[test]
fn resolution_kinds() {
    let text = "On December 3, 2025 and on December 4 and on Friday";
    let m = dates(text, Some(d(PUB)));
    let kinds: Vec<_> = m.iter().map(|m| m.resolution).collect();
    assert_eq!(
        kinds,
        [
            Resolution::Absolute,
            Resolution::InferredYear,
            Resolution::Relative
        ]
    );
}

#[test]
fn dates_counted_from_the_passage_say_so() {
    // (text, the mention, how its year was found)
    let cases: &[(&str, &str, Resolution)] = &[
        (
            "The depot opened on June 4, 2019. Later that year it doubled its staff.",
            "Later that year",
            Resolution::FromPassage,
        ),
        (
            "In 2012, the council met often. On September 14 the chair resigned.",
            "September 14",
            Resolution::FromPassage,
        ),
        (
            "The council met often. On September 14 the chair resigned.",
            "September 14",
            Resolution::InferredYear,
        ),
    ];
    for (text, words, how) in cases {
        let m = dates(text, Some(d(PUB)));
        let found = m.iter().find(|m| &text[m.span.clone()] == *words);
        assert_eq!(found.map(|m| m.resolution), Some(*how), "{text:?}: {m:?}");
    }
}

#[test]
fn open_ranges() {
    let m = dates("Unemployment was higher before 2010.", Some(d(PUB)));
    assert_eq!(m[0].bound, Some(Bound::Before));
    assert_eq!(m[0].open_range(), (None, Some(date(2009, 12, 31))));
    let m = dates("Exports have grown since 2016.", Some(d(PUB)));
    assert_eq!(m[0].open_range(), (Some(date(2016, 1, 1)), None));
    let m = dates("Exports grew in 2016 and later.", Some(d(PUB)));
    assert_eq!(m[0].bound, Some(Bound::Since));
    let m = dates("Exports will grow after 2030.", Some(d(PUB)));
    assert_eq!(m[0].open_range(), (Some(date(2031, 1, 1)), None));
}

#[test]
fn value_helpers_and_labels() {
    let v = DateValue::Period {
        start: date(2025, 1, 1),
        end: date(2025, 6, 30),
        grain: Grain::Half,
    };
    assert_eq!(v.label(), "2025-H1");
    assert!(v.contains(date(2025, 3, 1)));
    assert!(!v.contains(date(2025, 7, 1)));
    assert_eq!(v.start(), date(2025, 1, 1));
    assert_eq!(v.end(), date(2025, 6, 30));
    assert_eq!(v.grain(), Some(Grain::Half));
    let q = DateValue::Period {
        start: date(2025, 7, 1),
        end: date(2025, 9, 30),
        grain: Grain::Quarter,
    };
    assert_eq!(q.to_string(), "2025-Q3");
    let day = DateValue::Day(date(2025, 12, 4));
    assert_eq!(day.to_string(), "2025-12-04");
    assert_eq!(day.grain(), None);
    assert!(day.contains(date(2025, 12, 4)));
}

#[test]
fn spans_are_byte_ranges_on_char_boundaries() {
    let text = "Über — «Tbilisi», Dec. 3, 2025 – the prime minister’s office said Wednesday";
    let m = dates(text, Some(d(PUB)));
    assert_eq!(m.len(), 2);
    assert_eq!(&text[m[0].span.clone()], "Dec. 3, 2025");
    assert_eq!(&text[m[1].span.clone()], "Wednesday");
    assert_eq!(m[1].value, DateValue::Day(date(2025, 12, 3)));
}

#[test]
fn sorted_non_overlapping_and_never_panics() {
    let samples = [
        "",
        " ",
        "\u{0}",
        "Dec.",
        "Dec. 3,",
        "2025-",
        "2025-12-",
        "31/",
        "'",
        "'9",
        "the",
        "from 2019 to",
        "between and",
        "Q",
        "Q5 2025",
        "H3",
        "99999999999999999999-12-12",
        "December 99999999999999, 2024",
        "on the 99th",
        "in 9999999 years",
        "9999 years ago",
        "in 2999 weeks",
        "3000000 days ago",
        "the 3000th week of 2024",
        "Feb 29, 2023",
        "Feb 29",
        "— – ’ “ ” …",
        "日本語のテキスト 2024年12月4日",
        "said Sunday, said Monday, said Tuesday; yesterday today tomorrow",
    ];
    for publication in [
        None,
        Some(d(PUB)),
        Some(date(-9999, 1, 1)),
        Some(date(9999, 12, 31)),
    ] {
        for s in samples {
            for end in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                let text = &s[..end];
                let m = dates(text, publication);
                for w in m.windows(2) {
                    assert!(w[0].span.end <= w[1].span.start, "{text:?}");
                }
                for x in &m {
                    assert!(
                        text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end)
                    );
                    assert!(x.value.start() <= x.value.end());
                }
            }
        }
    }
}

#[test]
fn dateline_at_top_of_document() {
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        (
            "December 03, 2025\n\nThe government said...",
            Some(("2025-12-03", "December 03, 2025")),
        ),
        (
            "# Headline\n\n6 Aug 2021 - 12:06\n\nBody text.",
            Some(("2021-08-06", "6 Aug 2021")),
        ),
        (
            "Headline\nDec. 3, 2025\nBody",
            Some(("2025-12-03", "Dec. 3, 2025")),
        ),
        ("2025-12-03\nBody", Some(("2025-12-03", "2025-12-03"))),
        (
            "Headline\nTbilisi, Dec. 3, 2025 — The government said on Monday...",
            Some(("2025-12-03", "Dec. 3, 2025")),
        ),
        (
            "Published: Thursday, December 4, 2025\nBody",
            Some(("2025-12-04", "Thursday, December 4, 2025")),
        ),
        (
            "   December 03, 2025   \nBody",
            Some(("2025-12-03", "December 03, 2025")),
        ),
        (
            "Headline\nBy Jane Doe | December 3, 2025\nBody",
            Some(("2025-12-03", "December 3, 2025")),
        ),
        (
            "Headline\nUpdated: Dec. 3, 2025 at 4:15 p.m. ET\n",
            Some(("2025-12-03", "Dec. 3, 2025")),
        ),
        (
            "Headline\nWed 3 Dec 2025 14.05 GMT\n",
            Some(("2025-12-03", "Wed 3 Dec 2025")),
        ),
        (
            "Title\nPosted on 2025-12-03T10:00:00Z\n",
            Some(("2025-12-03", "2025-12-03")),
        ),
        (
            "# Title\n\n**December 3, 2025**\n\nText",
            Some(("2025-12-03", "December 3, 2025")),
        ),
        (
            "Headline\nMOSCOW, December 3 (Reuters) - Russia said\n",
            None,
        ),
        // a timeline entry is a date leading a line of text, not a dateline
        (
            "Headline\nBy Staff\n\nOct. 31, 2012 The handshake on the pier\n",
            None,
        ),
        (
            "Headline\n\nDecember 3, 2025 | Politics\n",
            Some(("2025-12-03", "December 3, 2025")),
        ),
        ("He said on Dec. 3, 2025 that talks failed.\n", None),
        ("The meeting on Dec. 3, 2025 ended without a deal.\n", None),
        ("Headline\nOn Monday the talks ended.\n", None),
        ("Since 2012, the forum has met yearly.\n", None),
    ];
    for (text, want) in cases {
        let got = dateline(text).map(|(dd, span)| (dd.to_string(), text[span].to_string()));
        let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want, "{text:?}");
    }
    let mut long = String::new();
    for i in 0..20 {
        long.push_str(&format!("line {i}\n"));
    }
    long.push_str("December 03, 2025\n");
    assert_eq!(dateline(&long), None);
}

/// The dateline search reads only a line's head: a wire dateline leading a long first
/// paragraph is found, a range leading a long line is still a range (no dateline),
/// and a date later in the line is none.
#[test]
fn dateline_read_from_the_head_of_a_long_line() {
    let body = " the council voted to close two libraries and to sell the old depot,".repeat(8);
    let wire = format!("Headline\nOslo, Dec. 3, 2025 —{body}\n");
    let got = dateline(&wire).map(|(d, span)| (d.to_string(), wire[span].to_string()));
    assert_eq!(got, Some(("2025-12-03".into(), "Dec. 3, 2025".into())));
    let range = format!("Headline\nDecember 3, 2025 to December 5, 2025 —{body}\n");
    assert_eq!(dateline(&range), None);
    let late = format!("Headline\nThe{body} Dec. 3, 2025 — more\n");
    assert_eq!(dateline(&late), None);
    assert_eq!(super::head_words("one two  three four", 2), "one two");
    assert_eq!(super::head_words("  one two", 5), "  one two");
}

/// The first date needing a publication date, read block by block, is the first such
/// date of the whole reading.
#[test]
fn first_needing_publication_is_the_first_of_the_whole_reading() {
    let probe = Date::constant(2000, 1, 1);
    let texts = [
        "The bridge opened on June 3, 2024.\n\nIt closed again on Tuesday.",
        "The bridge opened on June 3, 2024.\n\nNo other date here.",
        "In 2019 the plan began. Later that year it stalled.",
        "\"We vote tomorrow,\" the mayor said on Monday.\n\nLast week was calm.",
        "It reopened on March 4.",
        "Nothing here at all.",
    ];
    for text in texts {
        let blocks = crate::document::Document::new("t.txt", text.to_string(), None).blocks;
        let whole = dates_in_blocks(text, &blocks, Some(probe))
            .into_iter()
            .find(|d| d.resolution.needs_publication())
            .map(|d| d.span);
        let first = super::first_needing_publication(text, &blocks, probe).map(|d| d.span);
        assert_eq!(first, whole, "{text:?}");
    }
}

#[test]
fn spans_weeks_and_calendar_words() {
    check(&[
        (
            "A two-week truce starting Monday was agreed.",
            PUB,
            &[("Monday", "since 2025-12-01")],
        ),
        (
            "They agreed a truce for 30 days from Monday.",
            PUB,
            &[("30 days from Monday", "2025-12-01/2025-12-30")],
        ),
        (
            "Talks are set for the week beginning December 15.",
            PUB,
            &[("the week beginning December 15", "2025-12-15/2025-12-21")],
        ),
        (
            "Output in week 23 of 2025 fell.",
            PUB,
            &[("week 23 of 2025", "2025-W23")],
        ),
        (
            "Growth this calendar year slowed.",
            PUB,
            &[("this calendar year", "2025")],
        ),
        (
            "Exports rose in calendar year 2008.",
            PUB,
            &[("calendar year 2008", "2008")],
        ),
        (
            "The talks will resume in a fortnight's time.",
            PUB,
            &[("in a fortnight's time", "2025-12-19")],
        ),
        (
            "Prices rose over the past fortnight.",
            PUB,
            &[("the past fortnight", "2025-11-17/2025-11-30")],
        ),
        (
            "Investment will double in the next decade.",
            PUB,
            &[("the next decade", "2030s")],
        ),
        (
            "It happened 2 thursdays back.",
            PUB,
            &[("2 thursdays back", "2025-11-27")],
        ),
        (
            "The bank posted results on Tuesday the 2nd.",
            PUB,
            &[("Tuesday the 2nd", "2025-12-02")],
        ),
        (
            "The 9th month of next year is key.",
            PUB,
            &[("The 9th month of next year", "2026-09")],
        ),
        (
            "The first ten days of last year were cold.",
            PUB,
            &[("The first ten days of last year", "2024-01-01/2024-01-10")],
        ),
    ]);
}

#[test]
fn numbers_in_codes_and_sports_are_not_dates() {
    check(&[
        ("UN Security Council Resolution 2231 was adopted.", PUB, &[]),
        ("Flight 2012 landed in 1500 meters of fog.", PUB, &[]),
        ("She won 2020 votes in the runoff.", PUB, &[]),
        ("The ssn is 123-12-1234.", PUB, &[]),
        ("The code is 133-03-03-2020.", PUB, &[]),
        ("Jets flew 24/7 over the city.", PUB, &[]),
        ("Messi scored twice in the second half.", PUB, &[]),
        (
            "The Lakers led by 10 points in the fourth quarter.",
            PUB,
            &[],
        ),
        (
            "Profit rose in the second half.",
            PUB,
            &[("the second half", "2025-H2")],
        ),
        ("The Senate voted 51-49 to confirm him.", PUB, &[]),
        (
            "Chinese New Year falls in February.",
            PUB,
            // Lunar holidays are tabulated since issue 7: the latest one (past reading).
            // no tense: the February nearest publication
            &[("Chinese New Year", "2025-01-29"), ("February", "2026-02")],
        ),
    ]);
}

#[test]
fn two_digit_years_pivot_on_publication() {
    check(&[
        (
            "The law of 10-31-74 still applies.",
            PUB,
            &[("10-31-74", "1974-10-31")],
        ),
        (
            "He was born in April of 87.",
            PUB,
            &[("April of 87", "1987-04")],
        ),
        (
            "The plan runs to 12/31/30.",
            PUB,
            &[("12/31/30", "2030-12-31")],
        ),
    ]);
}

#[test]
fn lowercase_and_fragments_read_forward() {
    // A listing entry with no verb reads as upcoming; the same words in a past
    // sentence read backwards.
    check(&[
        ("sunday", PUB, &[("sunday", "2025-12-07")]),
        (
            "The rally was held Sunday.",
            PUB,
            &[("Sunday", "2025-11-30")],
        ),
        ("march 3", PUB, &[("march 3", "2026-03-03")]),
        ("thu", PUB, &[("thu", "2025-12-11")]),
        ("on the 15th", PUB, &[("the 15th", "2025-12-15")]),
        (
            "He resigned on the 15th.",
            "2025-12-20",
            &[("the 15th", "2025-12-15")],
        ),
    ]);
}

#[test]
fn random_date_like_text_never_panics() {
    const PIECES: &[&str] = &[
        "the",
        "of",
        "on",
        "in",
        "from",
        "to",
        "between",
        "and",
        "since",
        "before",
        "after",
        "by",
        "next",
        "last",
        "this",
        "past",
        "coming",
        "early",
        "late",
        "mid",
        "end",
        "beginning",
        "first",
        "second",
        "third",
        "twenty",
        "one",
        "a",
        "week",
        "weeks",
        "month",
        "year",
        "years",
        "days",
        "ago",
        "quarter",
        "half",
        "Q3",
        "H1",
        "1H25",
        "2018Q4",
        "Monday",
        "Sunday",
        "Sat.",
        "wed",
        "December",
        "Dec.",
        "May",
        "march",
        "Sept",
        "2024",
        "1990s",
        "'90s",
        "'24",
        "12",
        "31",
        "4th",
        "1",
        "0",
        "99",
        "13",
        "2/15",
        "12/04/2024",
        "2024-12-04",
        "03.12.2025",
        "-",
        "–",
        "/",
        ",",
        ".",
        "(",
        ")",
        "'",
        "’",
        "s",
        ":",
        "%",
        "$",
        "Christmas",
        "Easter",
        "Orthodox",
        "Thanksgiving",
        "said",
        "will",
        "was",
        "\n",
        "\n\n",
        "  ",
        "weekend",
        "fortnight",
        "decade",
        "century",
        "starting",
        "onwards",
        "or",
        "later",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "summer",
        "fall",
        "ün",
        "日本",
    ];
    let mut seed = crate::seeded::Seeded(0x2545_F491_4F6C_DD1D);
    let mut next = || seed.draw();
    for _ in 0..20_000 {
        let n = (next() % 12) as usize + 1;
        let mut text = String::new();
        for _ in 0..n {
            let p = PIECES[(next() % PIECES.len() as u64) as usize];
            text.push_str(p);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        let publication = Some(d(PUB));
        let m = dates(&text, publication);
        for w in m.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{text:?}");
        }
        for x in &m {
            assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            assert!(x.span.start < x.span.end, "{text:?}");
            assert!(x.value.start() <= x.value.end(), "{text:?}");
        }
        let _ = dateline(&text);
    }
}

#[test]
fn lunar_and_lunisolar_holidays() {
    check(&[
        (
            "Muslims began fasting for Ramadan 2024 in March.",
            PUB,
            &[
                ("Ramadan 2024", "2024-03-11/2024-04-09"),
                ("March", "2024-03"),
            ],
        ),
        (
            "Prayers marked Eid al-Adha in 2023, officials said.",
            PUB,
            &[("Eid al-Adha in 2023", "2023-06-28")],
        ),
        (
            "Families gathered for Eid ul-Fitr last year.",
            PUB,
            &[("Eid ul-Fitr last year", "2024-04-10")],
        ),
        (
            "The Day of Ashura 2021 processions were small.",
            PUB,
            // The Umm al-Qura day; some countries marked it a day later.
            &[("Day of Ashura 2021", "2021-08-18")],
        ),
        (
            "Yom Kippur 2023 started at sundown.",
            PUB,
            &[("Yom Kippur 2023", "2023-09-24/2023-09-25")],
        ),
        (
            "Hanukkah 2024 ran into the new year.",
            PUB,
            &[("Hanukkah 2024", "2024-12-25/2025-01-02")],
        ),
        (
            "Stores closed for Passover in 2019.",
            PUB,
            &[("Passover in 2019", "2019-04-19/2019-04-27")],
        ),
        (
            "Rosh Hashanah 2025 fell in September.",
            PUB,
            &[
                ("Rosh Hashanah 2025", "2025-09-22/2025-09-24"),
                ("September", "2025-09"),
            ],
        ),
        (
            "Tisha B'Av 2024 was observed quietly.",
            PUB,
            &[("Tisha B'Av 2024", "2024-08-12/2024-08-13")],
        ),
        (
            "Fireworks lit up the sky on Lunar New Year 2020.",
            PUB,
            &[("Lunar New Year 2020", "2020-01-25")],
        ),
        (
            "Travel peaked during last Chinese New Year.",
            PUB,
            &[("last Chinese New Year", "2025-01-29")],
        ),
        (
            "Believers fasted during Lent 2024.",
            PUB,
            &[("Lent 2024", "2024-02-14/2024-03-30")],
        ),
        // The past of "lend" is no holiday.
        ("the bank lent more money", PUB, &[]),
        (
            "Trinity Sunday 2025 drew pilgrims.",
            PUB,
            &[("Trinity Sunday 2025", "2025-06-15")],
        ),
        (
            "Dutch cities partied on Koningsdag 2025.",
            PUB,
            // 27 April 2025 was a Sunday: the day moves to Saturday the 26th.
            &[("Koningsdag 2025", "2025-04-26")],
        ),
    ]);
}

#[test]
fn comparative_shifts_shorthand_and_ides() {
    check(&[
        (
            "The permit lapsed more than three weeks ago, inspectors said.",
            PUB,
            &[("three weeks ago", "before 2025-11-14")],
        ),
        (
            "She joined less than two months ago.",
            PUB,
            &[("two months ago", "since 2025-10-05")],
        ),
        // A count of people is no date.
        ("More than 2000 people marched.", PUB, &[]),
        (
            "Deliveries later than 2026 will cost more.",
            PUB,
            &[("2026", "after 2026")],
        ),
        (
            "Invoices are due at the EOM, the memo said.",
            PUB,
            &[("the EOM", "2025-12-21/2025-12-31")],
        ),
        ("Caesar was killed on the Ides of March in 44 BC.", "", &[]),
        (
            "Rome celebrated the Ides of March 2025 with a reenactment.",
            PUB,
            &[("Ides of March 2025", "2025-03-15")],
        ),
    ]);
}

/// Monday, 2 November 2026: a piece published on a Monday.
const MONDAY: &str = "2026-11-02";

#[test]
fn clauses_and_cues_around_a_date() {
    // Published Monday 2 November 2026; each found form beside its silent twin.
    check(&[
        // a relative clause after a comma has its own tense
        (
            "Aid would flow to the towns, where the March 3 floods destroyed bridges.",
            MONDAY,
            &[("March 3", "2026-03-03")],
        ),
        (
            "Aid would flow to the towns before the March 3 vote.",
            MONDAY,
            &[("March 3", "2027-03-03")],
        ),
        // a present passive is no past
        (
            "The appeal is heard in May by three judges.",
            "2026-03-02",
            &[("May", "2026-05")],
        ),
        (
            "The appeal was heard in May by three judges.",
            "2026-03-02",
            &[("May", "2025-05")],
        ),
        // a date opening the sentence takes its main verb's tense, however far
        (
            "In January, only days after the start of the longest and busiest winter festival \
             in its history, a storm closed the ferry.",
            MONDAY,
            &[("January", "2026-01")],
        ),
        // a weak past cue looks further back for its modal
        (
            "The pilot will be named head of the station crew for a long flight in December.",
            "2026-03-04",
            &[("December", "2026-12")],
        ),
        (
            "The pilot was named head of the station crew for a long flight in December.",
            "2026-03-04",
            &[("December", "2025-12")],
        ),
        // "as soon as", "as early as" look ahead
        (
            "The team could fly home as early as Tuesday, an aide said.",
            MONDAY,
            &[("Tuesday", "2026-11-03")],
        ),
        (
            "The team flew home on Tuesday, an aide said.",
            MONDAY,
            &[("Tuesday", "2026-10-27")],
        ),
        // a deadline given or moved lies ahead; a plain "until" keeps the past
        (
            "The board postponed until Thursday any vote on the plan.",
            MONDAY,
            &[("Thursday", "by 2026-11-05")],
        ),
        (
            "The board sat until Thursday and then adjourned.",
            MONDAY,
            &[("Thursday", "by 2026-10-29")],
        ),
        // past an "and", a verb of intent does not rule a past verb; a modal does
        (
            "The mayor pledged to keep the depot open and welcomed the verdict Monday.",
            "2026-11-03",
            &[("Monday", "2026-11-02")],
        ),
        (
            "The depot will be rebuilt and opened in March.",
            MONDAY,
            &[("March", "2027-03")],
        ),
        // what someone is asked to do lies ahead
        (
            "The union urged its members to strike on Thursday.",
            MONDAY,
            &[("Thursday", "2026-11-05")],
        ),
        (
            "The union went on strike on Thursday.",
            MONDAY,
            &[("Thursday", "2026-10-29")],
        ),
        (
            "The mayor has invited the rail chiefs to talk with the city council in the \
             old town hall on Friday morning.",
            MONDAY,
            &[("Friday", "2026-11-06")],
        ),
        // a noun "plans", a participle after an adverb, are no plan ahead
        (
            "On Friday, when the minister dropped his family plans for a hurriedly planned \
             tour, the ministry eased its advice.",
            MONDAY,
            &[("Friday", "2026-10-30")],
        ),
        (
            "On Friday, the ministry plans to ease its advice.",
            MONDAY,
            &[("Friday", "2026-11-06")],
        ),
        // "ahead of" in a fronted phrase is not the main clause's tense
        (
            "Shortly ahead of the match, the league on Sunday published new rules.",
            MONDAY,
            &[("Sunday", "2026-11-01")],
        ),
        (
            "The league published new rules ahead of Sunday.",
            MONDAY,
            &[("Sunday", "2026-11-08")],
        ),
        // "lower-than-expected" is an adjective
        (
            "Shares fell after weaker-than-expected sales were reported Wednesday.",
            MONDAY,
            &[("Wednesday", "2026-10-28")],
        ),
        // "effective" before a date: a change that takes effect
        (
            "The firm named a new chair, effective Feb. 1.",
            MONDAY,
            &[("Feb. 1", "2027-02-01")],
        ),
        (
            "The firm named a new chair on Feb. 1.",
            MONDAY,
            &[("Feb. 1", "2026-02-01")],
        ),
        // a term extended through a month lies ahead
        (
            "Lenders have extended the credit line through January.",
            MONDAY,
            &[("January", "by 2027-01")],
        ),
        // "were planning to" is a plan, not a past passive
        (
            "Drivers were planning to circle the square on Saturday.",
            MONDAY,
            &[("Saturday", "2026-11-07")],
        ),
    ]);
}

#[test]
fn weeks_and_weekends_just_gone_or_coming() {
    check(&[
        // "the coming weekend" is the first one ahead, whatever the tense
        (
            "The coaches flew north for the coming weekend.",
            "2026-11-03",
            &[("the coming weekend", "2026-11-07/2026-11-08")],
        ),
        (
            "The coaches flew north for next weekend.",
            "2026-11-03",
            &[("next weekend", "2026-11-14/2026-11-15")],
        ),
        // "the past week" on a Sunday is the week ending that day; on other days
        // the week before
        (
            "Ticket sales climbed over the past week.",
            "2026-11-08",
            &[("the past week", "2026-W45")],
        ),
        (
            "Ticket sales climbed over the past week.",
            "2026-11-10",
            &[("the past week", "2026-W45")],
        ),
    ]);
}

#[test]
fn a_quotation_closing_after_a_full_stop_ends_the_sentence() {
    // The year of one sentence does not frame the next when a quotation closes it.
    check(&[(
        "Builders sued in 2012 over the \"permits.\" In October, a judge threw the case out.",
        MONDAY,
        &[("2012", "2012"), ("October", "2026-10")],
    )]);
}

#[test]
fn tense_and_modality_decide_direction() {
    check(&[
        // a future verb: the coming day
        (
            "The first ballots will be counted Tuesday.",
            MONDAY,
            &[("Tuesday", "2026-11-03")],
        ),
        // a past verb: the one just gone
        (
            "The first ballots were counted Tuesday.",
            MONDAY,
            &[("Tuesday", "2026-10-27")],
        ),
        // "payable" looks ahead: the coming January, not the one gone
        (
            "The dividend is payable Jan. 2 to holders of record.",
            MONDAY,
            &[("Jan. 2", "2027-01-02")],
        ),
        (
            "The dividend was paid Jan. 2 to holders of record.",
            MONDAY,
            &[("Jan. 2", "2026-01-02")],
        ),
        // "would" after a past reporting verb is the future of the saying
        (
            "The trust said it would publish the audit in October.",
            "2026-09-22",
            &[("October", "2026-10")],
        ),
        (
            "The trust said it published the audit in October.",
            "2026-09-22",
            &[("October", "2025-10")],
        ),
        // a plan looks ahead even in the past tense
        (
            "Tenants planned a march on Saturday.",
            MONDAY,
            &[("Saturday", "2026-11-07")],
        ),
        // a weak past cue (a word in -ed) gives way to the modal before it
        (
            "The bonus would be paid on a still unspecified date in January.",
            MONDAY,
            &[("January", "2027-01")],
        ),
        // "agreed" is a past form; a colon ends the clause
        (
            "Both sides agreed after Monday's ruling: the issue will grow.",
            "2026-11-04",
            &[("Monday", "after 2026-11-02")],
        ),
        // "due to" meaning "because of" is no future
        (
            "The firm cut its payout due to its third-quarter loss.",
            MONDAY,
            &[("third-quarter", "2026-Q3")],
        ),
        // a future clause about the quarter just ended keeps it
        (
            "The firm expects to report a third-quarter loss.",
            MONDAY,
            &[("third-quarter", "2026-Q3")],
        ),
        // "this weekend" with a past verb is the weekend just gone
        (
            "Crowds gathered in the square this weekend.",
            MONDAY,
            &[("this weekend", "2026-10-31/2026-11-01")],
        ),
        (
            "Crowds will gather in the square this weekend.",
            MONDAY,
            &[("this weekend", "2026-11-07/2026-11-08")],
        ),
        // "last week" on a Sunday is the Monday-Sunday week before
        (
            "The council met last week.",
            "2026-11-08",
            &[("last week", "2026-W44")],
        ),
    ]);
}

#[test]
fn vague_references_are_anchored_at_publication() {
    check(&[
        ("Prices are now higher.", MONDAY, &[("now", "2026-11-02")]),
        (
            "The mill currently employs 40 people.",
            MONDAY,
            &[("currently", "2026-11-02")],
        ),
        (
            "The mill recently hired 40 people.",
            MONDAY,
            &[("recently", "by 2026-11-02")],
        ),
        (
            "Rents have risen in recent years.",
            MONDAY,
            &[("recent years", "by 2026-11-02")],
        ),
        (
            "The port may reopen in the near future.",
            MONDAY,
            &[("the near future", "since 2026-11-02")],
        ),
        (
            "The line closed several years ago.",
            MONDAY,
            &[("several years ago", "by 2026-11-02")],
        ),
        // "from now" belongs to its count; "current" before a unit is "this"
        (
            "The road opens two years from now.",
            MONDAY,
            &[("two years from now", "2028-11-02")],
        ),
        // words left out: too often something else in news copy
        ("The mayor will soon decide.", MONDAY, &[]),
        ("The current account deficit widened.", MONDAY, &[]),
        ("Future growth is uncertain.", MONDAY, &[]),
    ]);
    let m = &dates("Prices are now higher.", Some(d(MONDAY)))[0];
    assert_eq!(m.resolution, Resolution::Vague);
}

#[test]
fn forms_of_news_copy() {
    check(&[
        (
            "In January this year the plant closed.",
            MONDAY,
            &[("January this year", "2026-01")],
        ),
        (
            "In June last year the plant closed.",
            MONDAY,
            &[("June last year", "2025-06")],
        ),
        (
            "The line opened a year ago.",
            MONDAY,
            &[("a year ago", "2025")],
        ),
        (
            "The line opened two years ago.",
            MONDAY,
            &[("two years ago", "2024")],
        ),
        // a count of months back keeps its day
        (
            "The line opened three months ago.",
            MONDAY,
            &[("three months ago", "2026-08-02")],
        ),
        (
            "Wages were 3 percent higher than a year earlier.",
            MONDAY,
            &[("a year earlier", "2025")],
        ),
        // a narrative "a year earlier" counts from another event: left alone
        (
            "She left in 2019. A year earlier she had moved.",
            MONDAY,
            &[("2019", "2019")],
        ),
        (
            "The council lost its fiscal 2025 budget.",
            MONDAY,
            &[("fiscal 2025", "2025")],
        ),
        (
            "He ran in his unsuccessful 1996 campaign for the seat.",
            MONDAY,
            &[("1996", "1996")],
        ),
        (
            "Both sides signed a June agreement on fishing.",
            MONDAY,
            &[("June", "2026-06")],
        ),
        // a number before a plural or a count noun is no year
        ("The fund hired 1996 workers.", MONDAY, &[]),
        (
            "Frankfurt closed lower Friday, the fourth decline in a row.",
            MONDAY,
            &[("Friday", "2026-10-30")],
        ),
    ]);
}

#[test]
fn quarters_of_a_results_story() {
    // A results story: a quarter and a results word. Published 2 November: the
    // quarter reported is the third.
    let story = |s: &str| format!("The mill posted third-quarter net income of $4 million. {s}");
    let cases = [
        ("Sales rose 5% in the quarter.", "the quarter", "2026-Q3"),
        (
            "Sales rose 5% in the latest quarter.",
            "the latest quarter",
            "2026-Q3",
        ),
        (
            "Net rose from $3 million a year ago.",
            "a year ago",
            "2025-Q3",
        ),
        (
            "Net rose from $3 million a year earlier.",
            "a year earlier",
            "2025-Q3",
        ),
        (
            "Net was $3 million in the year-ago quarter.",
            "the year-ago quarter",
            "2025-Q3",
        ),
        (
            "Net was $3 million in the year-earlier second quarter.",
            "the year-earlier second quarter",
            "2025-Q2",
        ),
        (
            "Net was $3 million in the 2024 third quarter.",
            "the 2024 third quarter",
            "2024-Q3",
        ),
        (
            "Net was $3 million in the 2024 quarter.",
            "the 2024 quarter",
            "2024-Q3",
        ),
    ];
    for (sentence, words, want) in cases {
        let text = story(sentence);
        let got: Vec<(String, String)> = dates(&text, Some(d(MONDAY)))
            .iter()
            .map(|m| (text[m.span.clone()].to_string(), m.to_string()))
            .collect();
        assert!(
            got.contains(&(words.to_string(), want.to_string())),
            "{sentence}: {got:?}"
        );
    }
    // Outside a results story, "the quarter" is no date and "a year ago" a year.
    check(&[
        (
            "A quarter of voters stayed home; the quarter voted early.",
            MONDAY,
            &[],
        ),
        (
            "Turnout fell from a year ago.",
            MONDAY,
            &[("a year ago", "2025")],
        ),
    ]);
}

/// `sentence` after `lead` in one text, published `publication`: the value of `words`.
fn value_in_story(lead: &str, sentence: &str, words: &str, publication: &str) -> Option<String> {
    let text = format!("{lead} {sentence}");
    dates(&text, Some(d(publication)))
        .iter()
        .find(|m| &text[m.span.clone()] == words)
        .map(|m| m.to_string())
}

#[test]
fn the_quarter_a_results_story_names() {
    // A story about a fiscal fourth quarter, published 2 November: "the quarter"
    // and "a year earlier" follow the quarter it names, not the calendar.
    let fiscal = "The grocer said its fourth-quarter profit, for the quarter ended Sept. 30, fell \
                  to $2 million, or 5 cents a share.";
    // Another quarter named in the same sentence wins over the story's.
    let cases = [
        (
            fiscal,
            "Sales in the quarter rose 4%.",
            "the quarter",
            MONDAY,
            "2026-Q4",
        ),
        (
            fiscal,
            "Sales in the latest period rose.",
            "the latest period",
            MONDAY,
            "2026-Q4",
        ),
        (
            fiscal,
            "It earned $3 million a year earlier.",
            "a year earlier",
            MONDAY,
            "2025-Q4",
        ),
        (
            fiscal,
            "It had a year-earlier loss of $1 million.",
            "year-earlier",
            MONDAY,
            "2025-Q4",
        ),
        (
            fiscal,
            "Its mill reported second-quarter sales flat from a year ago.",
            "a year ago",
            MONDAY,
            "2025-Q2",
        ),
        // published in January, the fourth quarter is the year before's
        (
            fiscal,
            "Sales in the quarter rose 4%.",
            "the quarter",
            "2027-01-20",
            "2026-Q4",
        ),
        // a sentence about a longer span compares years
        (
            fiscal,
            "For the nine months, profit fell from $9 million a year earlier.",
            "a year earlier",
            MONDAY,
            "2025",
        ),
        (
            fiscal,
            "For the first half, profit fell from $9 million in the 2025 period.",
            "the 2025 period",
            MONDAY,
            "2025",
        ),
        // the year-ago quarter written after the quarter
        (
            fiscal,
            "It lost money in the quarter a year ago.",
            "the quarter a year ago",
            MONDAY,
            "2025-Q4",
        ),
        (
            fiscal,
            "Margins were wider in the corresponding period last year.",
            "the corresponding period last year",
            MONDAY,
            "2025-Q4",
        ),
        (
            fiscal,
            "Costs rose from last year's quarter.",
            "last year's quarter",
            MONDAY,
            "2025-Q4",
        ),
        (
            fiscal,
            "Revenue over the full year climbed 3%.",
            "the full year",
            MONDAY,
            "2026",
        ),
        (
            fiscal,
            "For the year, shipments held steady.",
            "the year",
            MONDAY,
            "2026",
        ),
        (
            fiscal,
            "It sees a loss in next year's first quarter.",
            "next year's first quarter",
            MONDAY,
            "2027-Q1",
        ),
        (
            fiscal,
            "Margins in this year's third quarter narrowed.",
            "this year's third quarter",
            MONDAY,
            "2026-Q3",
        ),
        (
            fiscal,
            "Hiring will slow in the current fiscal year.",
            "the current fiscal year",
            MONDAY,
            "2026",
        ),
    ];
    for (lead, sentence, words, publication, want) in cases {
        assert_eq!(
            value_in_story(lead, sentence, words, publication).as_deref(),
            Some(want),
            "{sentence}"
        );
    }
    // Outside a results story "for the year" is no date.
    assert_eq!(
        value_in_story(
            "The club held its annual dinner.",
            "She was named captain for the year ahead.",
            "the year",
            MONDAY
        ),
        None
    );
    // Outside a results story "the corresponding period last year" is no quarter:
    // "last year" is the year.
    let plain = "The club held its annual dinner.";
    assert_eq!(
        value_in_story(
            plain,
            "Attendance matched the corresponding period last year.",
            "last year",
            MONDAY
        )
        .as_deref(),
        Some("2025")
    );
}

#[test]
fn names_are_not_dates() {
    check(&[
        ("She told USA TODAY the plan was dead.", MONDAY, &[]),
        ("She told USA Today the plan was dead.", MONDAY, &[]),
        (
            "He said on NBC's Today that the plan was dead.",
            MONDAY,
            &[],
        ),
        (
            "He said on ABC's This Week that the plan was dead.",
            MONDAY,
            &[],
        ),
        (
            "Speaking on ABC\u{2019}s \u{201c}This Week,\u{201d} the mayor conceded the point.",
            MONDAY,
            &[],
        ),
        ("He told CBS This Morning the plan was dead.", MONDAY, &[]),
        ("The sketch aired on Saturday Night Live.", MONDAY, &[]),
        ("He spoke on Fox News Sunday about the plan.", MONDAY, &[]),
        ("Firms lobbied for more H1-B visas.", MONDAY, &[]),
        // the same words as dates
        ("The plan died today.", MONDAY, &[("today", "2026-11-02")]),
        (
            "The plan died this week.",
            MONDAY,
            &[("this week", "2026-W45")],
        ),
        (
            "The plan died Saturday night.",
            MONDAY,
            &[("Saturday", "2026-10-31")],
        ),
    ]);
}

#[test]
fn a_passage_about_another_year_keeps_it() {
    check(&[
        // a year opening its sentence frames the paragraph, in past clauses
        (
            "In 2012, the mill closed. On September 14 the owners sold it, and the November 12th admission followed.",
            "2015-12-01",
            &[
                ("2012", "2012"),
                ("September 14", "2012-09-14"),
                ("November 12th", "2012-11-12"),
            ],
        ),
        // a paragraph break ends it
        (
            "In 2012, the mill closed.\n\nOn September 14 the owners sold it.",
            "2015-12-01",
            &[("2012", "2012"), ("September 14", "2015-09-14")],
        ),
        // a clause that looks ahead keeps the usual reading
        (
            "Invited in July 2013, the city will join on March 12.",
            "2015-12-01",
            &[("July 2013", "2013-07"), ("March 12", "2016-03-12")],
        ),
        // a date counted from publication brings the text back to now
        (
            "In 2012, the mill closed. Last week the owners said they sold it on November 12.",
            "2015-12-01",
            &[
                ("2012", "2012"),
                ("Last week", "2015-W48"),
                ("November 12", "2015-11-12"),
            ],
        ),
    ]);
}

#[test]
fn untensed_months_are_the_nearest() {
    check(&[
        // no tense cue: the occurrence nearest publication
        (
            "The party's convention in July.",
            "2016-04-15",
            &[("July", "2016-07")],
        ),
        (
            "The loan runs through January.",
            MONDAY,
            &[("January", "by 2027-01")],
        ),
        (
            "Lenders held the loan through January.",
            MONDAY,
            &[("January", "by 2026-01")],
        ),
        // a past verb keeps the one gone
        (
            "The party held its convention in July.",
            "2016-04-15",
            &[("July", "2015-07")],
        ),
        // the two ends of a range go one way
        (
            "The season runs from the end of March to the middle of September.",
            MONDAY,
            &[(
                "from the end of March to the middle of September",
                "2026-03-21/2026-09-20",
            )],
        ),
        // on a Sunday, "this week" ahead is the coming one
        (
            "The committee will meet this week.",
            "2026-11-08",
            &[("this week", "2026-W46")],
        ),
    ]);
}

#[test]
fn table_rows_are_units_of_text() {
    use crate::document::Document;
    // correct weekdays in the first column, dates in the second: nothing joins a
    // row to the next, and a weekday and date in one row are read together
    let text = "---\ndate: 2025-12-05\n---\n| Day | Date |\n|---|---|\n| Monday | December 1, 2025 |\n| Tuesday | December 2, 2025 |\n";
    let doc = Document::new("t.md", text.to_string(), None);
    let found = dates_in_blocks(&doc.prose, &doc.blocks, Some(d("2025-12-05")));
    let got: Vec<(String, Option<Weekday>)> = found
        .iter()
        .map(|m| (m.value.to_string(), m.written_weekday.as_ref().map(|w| w.0)))
        .collect();
    assert_eq!(
        got,
        [
            ("2025-12-01".to_string(), Some(Weekday::Monday)),
            ("2025-12-02".to_string(), Some(Weekday::Tuesday)),
        ]
    );
    // dates first, weekdays after: each row's weekday stands alone
    let text = "| Date | Day |\n|---|---|\n| December 1, 2025 | Monday |\n| December 2, 2025 | Tuesday |\n";
    let doc = Document::new("t.md", text.to_string(), None);
    let found = dates_in_blocks(&doc.prose, &doc.blocks, Some(d("2025-12-05")));
    assert!(
        found.iter().all(|m| m.written_weekday.is_none()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|m| !doc.text[m.span.clone()].contains('\n')),
        "{found:?}"
    );
}

#[test]
fn a_far_cue_gives_the_sentence_its_tense() {
    check(&[
        // a present perfect many words back makes a yearless month the one gone
        (
            "The council's reserve has dropped steadily under the new housing levy, falling to a low for the year of 2 million in August from 9 million in February.",
            "2026-11-02",
            &[("August", "2026-08"), ("February", "2026-02")],
        ),
        // with no cue at all, the nearest February is the coming one
        (
            "The council's reserve, falling to a low for the year of 2 million in August from 9 million in February.",
            "2026-11-02",
            &[("August", "2026-08"), ("February", "2027-02")],
        ),
        // "said" tells when the words were spoken, not what they are about
        (
            "The mayor said the port authority told foreign shipping firms and freight agents about a sharp cut in the harbour fees it charges in December.",
            "2026-11-02",
            &[("December", "2026-12")],
        ),
        // a relative clause set off by commas has its own tense
        (
            "The merger, which had been rumoured, is part of a wider plan to repay the whole of the short-term bridge loan by March.",
            "2026-11-02",
            &[("March", "by 2027-03")],
        ),
        // a lone weekday in a sentence told ahead is the coming one
        (
            "The envoy is scheduled to spend only three hours on the ground in Lusaka, Zambia, her first stop Thursday, before flying on.",
            "2026-11-02",
            &[("Thursday", "2026-11-05")],
        ),
        (
            "The envoy spent only three hours on the ground in Lusaka, Zambia, her first stop Thursday, before flying on.",
            "2026-11-02",
            &[("Thursday", "2026-10-29")],
        ),
        // but a far future cue never moves a yearless day a year ahead
        (
            "Officials said they would look for ways to get around the court's order to send the files back to the archive by Oct. 30.",
            "2026-11-02",
            &[("Oct. 30", "by 2026-10-30")],
        ),
        // "next to" is a place, not the future; "have been" is what happened
        (
            "More than 40 people have been hurt in the fire next to the station on Sunday.",
            "2026-11-04",
            &[("Sunday", "2026-11-01")],
        ),
    ]);
}

#[test]
fn months_of_figures_and_year_ends() {
    check(&[
        (
            "The job figures for October beat forecasts, and a revision to September's figures added more.",
            "2026-11-06",
            &[("October", "2026-10"), ("September", "2026-09")],
        ),
        // May, June and April are names too; a capitalised word after "for" is a name
        (
            "Delegates voted for May and for January Jones.",
            "2026-11-06",
            &[],
        ),
        (
            "The levy would raise costs in both 2027 and 2028, and the bonds come due 2031.",
            "2026-11-06",
            &[("2027", "2027"), ("2028", "2028"), ("2031", "2031")],
        ),
        // a year that counts things is still no year
        (
            "Both 2027 voters and pupils were counted.",
            "2026-11-06",
            &[],
        ),
        (
            "The trust expects to close the sale by year-end.",
            "2026-11-06",
            &[("year-end", "by 2026-12-31")],
        ),
        (
            "The deal should be signed around year end.",
            "2026-11-06",
            &[("year end", "2026-12-31")],
        ),
        // a year-end bonus names no day
        ("Staff were paid a year-end bonus.", "2026-11-06", &[]),
    ]);
}

#[test]
fn last_year_as_a_results_comparison_base() {
    let story =
        "Harbour Mills reported third-quarter net income of $9 million, or 40 cents a share.";
    let cases: &[(&str, &str, &str)] = &[
        // the comparison base of a quarter's figure is the year-ago quarter
        (
            "Its freight unit posted earnings of $2 million, compared with a loss of $1 million last year.",
            "last year",
            "2025-Q3",
        ),
        (
            "Sales in the latest period were $80 million, up from last year's $71 million.",
            "last year",
            "2025-Q3",
        ),
        (
            "Last year's results included a charge for a closed plant.",
            "Last year",
            "2025-Q3",
        ),
        // no comparison base: the year
        ("The mill was rebuilt last year.", "last year", "2025"),
        (
            "The group earned $30 million last year.",
            "last year",
            "2025",
        ),
        // a sentence about nine months compares years
        (
            "For the nine months, net rose to $20 million from $15 million last year.",
            "last year",
            "2025",
        ),
    ];
    for (sentence, words, want) in cases {
        assert_eq!(
            value_in_story(story, sentence, words, MONDAY).as_deref(),
            Some(*want),
            "{sentence}"
        );
    }
    // outside a results story "last year's sales" is the year
    assert_eq!(
        value_in_story(
            "The club held its annual dinner.",
            "Ticket sales were up from last year's $7,000.",
            "last year",
            MONDAY
        )
        .as_deref(),
        Some("2025")
    );
}

#[test]
fn compound_adjectives_and_clauses_after_but() {
    check(&[
        // "well-organised" is an adjective, and ", but" starts another clause
        (
            "The mayor is bent on passing the budget before the council's recess in July, but a well-organized rival has been gaining ground.",
            "2026-04-15",
            &[("July", "2026-07")],
        ),
        // without the comma and "but", the verb after still tells the tense
        (
            "The council's recess in July has been moved.",
            "2026-04-15",
            &[("July", "2025-07")],
        ),
        (
            "Costs will rise in the first two quarters of 2027 and ease in the last half of 2027.",
            "2026-11-02",
            &[
                ("the first two quarters of 2027", "2027-H1"),
                ("the last half of 2027", "2027-H2"),
            ],
        ),
    ]);
}

#[test]
fn a_plans_date_told_in_the_past_is_the_nearest() {
    check(&[
        // Sunday 25 October 2026: the Saturday just gone, the day before
        (
            "A vigil planned at the town hall for Saturday was called off after threats.",
            "2026-10-25",
            &[("Saturday", "2026-10-24")],
        ),
        // Friday 16 October 2026: the Saturday ahead, the day after
        (
            "The minister was scheduled to address the delegates Saturday morning.",
            "2026-10-16",
            &[("Saturday", "2026-10-17")],
        ),
        // a month: the nearest one, here the coming March
        (
            "The official said that the merger was planned for early March.",
            "2027-02-10",
            &[("early March", "2027-03-01/2027-03-10")],
        ),
        // a plan told ahead keeps the future
        (
            "The vigil, planned for Saturday, will go ahead.",
            "2026-10-19",
            &[("Saturday", "2026-10-24")],
        ),
        // a plan made, with no plan word before the date, keeps its tense
        (
            "The union planned a march on Saturday.",
            "2026-10-19",
            &[("Saturday", "2026-10-24")],
        ),
    ]);
}

#[test]
fn forms_of_news_copy_session_four() {
    check(&[
        // Election Day: the day after the first Monday of November
        (
            "Turnout will be high on Election Day.",
            "2026-06-01",
            &[("Election Day", "2026-11-03")],
        ),
        // a holiday's week is its Monday-to-Sunday week
        (
            "Pilgrims arrived as Easter week began.",
            "2026-03-30",
            &[("Easter week", "2026-W14")],
        ),
        // a month as an adjective after "the"
        (
            "The March accession lets the three states sign the treaty.",
            "2027-02-10",
            &[("March", "2027-03")],
        ),
        (
            "The post-1990 reforms differ from pre-1980 rules.",
            "2026-11-02",
            &[("1990", "after 1990"), ("1980", "before 1980")],
        ),
        // a year before a period's figures, after a determiner or a possessive
        (
            "The loss will appear in the company's 2026 operating results and in Harbour Mills's 2026 profit.",
            "2026-11-02",
            &[("2026", "2026"), ("2026", "2026")],
        ),
        // a model year before a name is no year of an event; a count is no year
        (
            "Police found the suspect's 1987 Chevrolet, and the firm has 2000 sales agents.",
            "2026-11-02",
            &[],
        ),
        // an infinitive after a far present perfect looks ahead of it: nearest
        (
            "The rival has been on a recruiting drive, quietly winning over enough delegates to block the mayor at the July meeting if she fails.",
            "2026-04-15",
            &[("July", "2026-07")],
        ),
        // "to supporters" is no infinitive: the far "expect" still rules
        (
            "Few expect him to concede when he speaks to supporters nationwide by video on Thursday night.",
            "2026-06-14",
            &[("Thursday", "2026-06-18")],
        ),
        // a participle far after the date ("delegates needed to win") is no verb
        (
            "She could still lose at the July meeting if she does not win the 500 delegates needed to win outright.",
            "2026-04-15",
            &[("July", "2026-07")],
        ),
    ]);
}

#[test]
fn spans_of_years_sundays_meetings_and_done_weekdays() {
    check(&[
        // a short second year before a noun: a span; alone: a month
        (
            "Calm has held since the 2007-09 financial crisis.",
            "2026-11-02",
            &[("2007-09", "2007-01-01/2009-12-31")],
        ),
        (
            "The index for 2025-12 was revised.",
            "2026-11-02",
            &[("2025-12", "2025-12")],
        ),
        // Sunday 8 November 2026: this week's meeting is the coming week's
        (
            "The chair sent an agenda for this week's spring meeting on Friday.",
            "2026-11-08",
            &[("this week", "2026-W46"), ("Friday", "2026-11-06")],
        ),
        // a possessive that names no scheduled event stays the week ending today
        (
            "For this week's special topic the team has written a survey.",
            "2026-11-08",
            &[("this week", "2026-W45")],
        ),
        // a weekday's ruling has been made, whatever the verb after it
        (
            "Monday's ruling will echo down the ballot.",
            "2026-11-04",
            &[("Monday", "2026-11-02")],
        ),
        (
            "Lawyers said they would look for ways around Monday's decision.",
            "2026-11-04",
            &[("Monday", "2026-11-02")],
        ),
        // a scheduled event keeps the tense: Tuesday's vote ahead
        (
            "Tuesday's vote will decide the seat.",
            "2026-11-02",
            &[("Tuesday", "2026-11-03")],
        ),
    ]);
}

#[test]
fn weekly_slots_events_ahead_and_futures_in_the_past() {
    check(&[
        // a weekday with a plural part of day is a weekly slot, no date
        (
            "He was moved to the network's games on Monday nights.",
            "2026-11-04",
            &[],
        ),
        // a relative clause ends at its comma: the verb after is another clause's;
        // a scheduled event named by its weekday, with no tense, lies ahead
        (
            "The senator, who hopes to win Tuesday's state primary, received the governor's backing.",
            "2026-10-30",
            &[("Tuesday", "2026-11-03")],
        ),
        // once told in the past, it is over
        (
            "The senator won Tuesday's state primary.",
            "2026-10-30",
            &[("Tuesday", "2026-10-27")],
        ),
        // a future seen from a past moment: the nearest occurrence either way
        (
            "The mayor anticipated that a question-and-answer session with shop owners in the old town on Monday would focus on rents.",
            "2026-11-03",
            &[("Monday", "2026-11-02")],
        ),
        (
            "The chief executive said the trust would publish the full audit in October.",
            "2026-09-22",
            &[("October", "2026-10")],
        ),
        // "this week" in what was said on a Sunday is the week ahead
        (
            "The chairman said Sunday on the radio that he opposes the committee making any changes this week.",
            "2026-11-08",
            &[("Sunday", "2026-11-08"), ("this week", "2026-W46")],
        ),
        (
            "The committee made changes this week.",
            "2026-11-08",
            &[("this week", "2026-W45")],
        ),
    ]);
}

#[test]
fn a_future_in_the_past_takes_the_nearest_day() {
    check(&[
        // a yearless day seen from a past statement: the nearest, here ahead
        (
            "The carrier said new flights would leave on Mondays, with a third departing each Thursday from August 6.",
            "2027-02-13",
            &[("August 6", "2027-08-06")],
        ),
        // and here just gone
        (
            "The carrier said new flights would leave from February 2.",
            "2027-02-13",
            &[("February 2", "2027-02-02")],
        ),
    ]);
}

#[test]
fn references_told_from_the_passage_time() {
    check(&[
        // counted from the last date the passage wrote, not from publication
        (
            "The dam opened on June 3, 2009, and the following year it flooded twice.",
            PUB,
            &[
                ("June 3, 2009", "2009-06-03"),
                ("the following year", "2010"),
            ],
        ),
        // "that year" is the passage's year, not the publication's
        (
            "The dam opened in 2009. That year the valley lost two villages.",
            PUB,
            &[("2009", "2009"), ("That year", "2009")],
        ),
        (
            "The mayor resigned in March 2011 and returned later that year.",
            PUB,
            &[("March 2011", "2011-03"), ("later that year", "2011")],
        ),
        (
            "The strike began on May 2, 2018; the next day the port closed, and the following month the union signed.",
            PUB,
            &[
                ("May 2, 2018", "2018-05-02"),
                ("the next day", "2018-05-03"),
                ("the following month", "2018-06"),
            ],
        ),
        (
            "The vote was on Thursday, and earlier that day the minister had resigned.",
            PUB,
            &[
                ("Thursday", "2025-12-04"),
                ("earlier that day", "2025-12-04"),
            ],
        ),
        (
            "The index closed lower on Friday, October 10, 2025, down from the previous Friday.",
            PUB,
            &[
                ("Friday, October 10, 2025", "2025-10-10"),
                ("the previous Friday", "2025-10-03"),
            ],
        ),
        (
            "Sales rose in the third quarter of 2024 but fell the preceding quarter.",
            PUB,
            &[
                ("the third quarter of 2024", "2024-Q3"),
                ("the preceding quarter", "2024-Q2"),
            ],
        ),
        // nothing written before it to count from: no date, never the publication's
        ("That year the valley lost two villages.", PUB, &[]),
        ("The port closed the next day.", PUB, &[]),
        // a unit the last date does not lie within: no date
        (
            "The mayor resigned in 2011, and the next day she left town.",
            PUB,
            &[("2011", "2011")],
        ),
        // a paragraph break ends the passage
        (
            "The dam opened in 2009.\n\nThat year the valley lost two villages.",
            PUB,
            &[("2009", "2009")],
        ),
        // compounds and other words
        (
            "She said that day care costs rose in 2009.",
            PUB,
            &[("2009", "2009")],
        ),
        // a part of the period ("Monday of the following week") is not composed:
        // the reference is left out rather than read as the whole week ("opens"
        // tells a scheduled event, so the Monday is the coming one)
        (
            "The fair opens on Monday of the following week.",
            PUB,
            &[("Monday", "2025-12-08")],
        ),
        // "the previous Friday" with no day written before it: no date (the week
        // it counts from is not written)
        ("Shares fell 2% from the previous Friday.", PUB, &[]),
        // "the next week" stays counted from publication
        (
            "The board meets the next week.",
            PUB,
            &[("the next week", "2025-W50")],
        ),
    ]);
}

#[test]
fn the_week_a_market_report_sums_up() {
    check(&[
        // a Monday report: the week just ended
        (
            "For the week, the index fell 3%.",
            "2025-12-01",
            &[("the week", "2025-W48")],
        ),
        (
            "Bonds gained 1% for the week.",
            "2025-12-01",
            &[("the week", "2025-W48")],
        ),
        // a Friday report: the week ending that day
        (
            "Thursday was the week's busiest session.",
            PUB,
            &[("Thursday", "2025-12-04"), ("the week", "2025-W49")],
        ),
        // the same words in other senses are no date
        ("The mayor spent the week in Ohio.", PUB, &[]),
        ("The week before the vote was calm.", PUB, &[]),
        ("The ferry sails for the week ahead.", PUB, &[]),
    ]);
}

#[test]
fn the_present_age_is_no_day() {
    check(&[
        // "today's" before a word for the present age, "of tomorrow": no day
        ("Today's youth read less than their parents.", PUB, &[]),
        ("The cars of tomorrow will be quiet.", PUB, &[]),
        // the day itself, side by side
        ("Today's vote was close.", PUB, &[("Today", "2025-12-05")]),
        ("The vote is tomorrow.", PUB, &[("tomorrow", "2025-12-06")]),
        // "the past century" is a period, not the vague past
        (
            "It was one of the inventions of the past century.",
            PUB,
            &[],
        ),
        (
            "In the past, prices fell.",
            PUB,
            &[("the past", "by 2025-12-05")],
        ),
    ]);
}

#[test]
fn a_possessive_is_no_range_end() {
    check(&[
        // "to December's figures": the possessive qualifies a noun, so "Friday to
        // December" is no range, and Friday is a day
        (
            "After a small revision Friday to December's figures, the index rose.",
            "2026-02-06",
            &[("Friday", "2026-02-06"), ("December", "2025-12")],
        ),
        (
            "Monday's vote moved Tuesday to Wednesday's session.",
            PUB,
            &[
                ("Monday", "2025-12-01"),
                ("Tuesday", "2025-12-02"),
                ("Wednesday", "2025-12-03"),
            ],
        ),
        // a range with no possessive stays one period
        (
            "The fair runs from Friday to Sunday.",
            PUB,
            &[("from Friday to Sunday", "2025-12-05/2025-12-07")],
        ),
    ]);
}

#[test]
fn years_in_words_before_a_noun() {
    check(&[
        // a year spelled out after a determiner, before its noun
        (
            "It recalled a nineteen ninety-seven attack on a bar.",
            PUB,
            &[("nineteen ninety-seven", "1997")],
        ),
        (
            "She lost in nineteen ninety-six.",
            PUB,
            &[("nineteen ninety-six", "1996")],
        ),
        // a count in words is no year
        ("The ship carried nineteen ninety-pound crates.", PUB, &[]),
        ("He owns nineteen ninety-six acres.", PUB, &[]),
    ]);
}

#[test]
fn the_fiscal_year_of_a_results_story() {
    check(&[
        // in a results story, "for the fiscal year" is the year being reported
        (
            "Net income fell in the fourth quarter, and the maker expects lower profit for the fiscal year.",
            "2025-11-03",
            &[
                ("the fourth quarter", "2025-Q4"),
                ("the fiscal year", "2025"),
            ],
        ),
        // outside one, no date
        ("The school plans a new roof for the fiscal year.", PUB, &[]),
    ]);
}

#[test]
fn a_quoted_relative_date_counts_from_the_saying() {
    check(&[
        // the saying dated in the quotation's own sentence
        (
            "“We will vote tomorrow,” the mayor said Monday.",
            PUB,
            &[("tomorrow", "2025-12-02"), ("Monday", "2025-12-01")],
        ),
        (
            "''Yesterday was a good day,'' he said on Tuesday.",
            PUB,
            &[("Yesterday", "2025-12-01"), ("Tuesday", "2025-12-02")],
        ),
        // no day of saying: counted from publication
        (
            "“We will vote tomorrow,” the mayor said.",
            PUB,
            &[("tomorrow", "2025-12-06")],
        ),
        // the saying dated in the sentence before, only quotations between
        (
            "The mayor said on Monday that the budget was settled.\n\n“Today we close the book on it,” she added.",
            PUB,
            &[("Monday", "2025-12-01"), ("Today", "2025-12-01")],
        ),
        (
            "She spoke to the council on Tuesday. “It was hard,” she said. “Last night I slept well.”",
            PUB,
            &[("Tuesday", "2025-12-02"), ("Last night", "2025-12-01")],
        ),
        // the narrative moved on to another day: from publication
        (
            "The mayor said on Monday that the budget was settled. The council met on Wednesday. “Today we close the book,” a councillor said.",
            PUB,
            &[
                ("Monday", "2025-12-01"),
                ("Wednesday", "2025-12-03"),
                ("Today", "2025-12-05"),
            ],
        ),
        // written words read out: when they were written is not told
        (
            "The mayor said Monday that she had a letter.\n\n“I will leave tomorrow,” she read from it.",
            PUB,
            &[("Monday", "2025-12-01"), ("tomorrow", "2025-12-06")],
        ),
        // the day talked about is not the day of the talking
        (
            "“It was drafted two weeks ago,” the aide said of Monday's speech.",
            PUB,
            &[("two weeks ago", "2025-11-21"), ("Monday", "2025-12-01")],
        ),
        (
            "“It was drafted two weeks ago,” the aide said on Monday.",
            PUB,
            &[("two weeks ago", "2025-11-17"), ("Monday", "2025-12-01")],
        ),
        // outside quotation marks: from publication
        (
            "The mayor said Monday that the vote is tomorrow.",
            PUB,
            &[("Monday", "2025-12-01"), ("tomorrow", "2025-12-06")],
        ),
    ]);
}

#[test]
fn a_deadline_reaches_its_clause_and_into_names_a_year() {
    check(&[
        // a deadline word far back in the same clause: the "through" looks ahead
        (
            "The lenders have extended the builder up to $40 million in fresh credit through March.",
            PUB,
            &[("March", "by 2026-03")],
        ),
        (
            "Sales at the builder rose steadily through March.",
            PUB,
            &[("March", "by 2025-03")],
        ),
        // past a comma the far deadline word no longer rules
        (
            "The board extended its search, and the shares fell for weeks on end through March.",
            PUB,
            &[("March", "by 2025-03")],
        ),
        // "into" before a bare year
        (
            "The chain expects sales to keep growing into 2027.",
            PUB,
            &[("2027", "2027")],
        ),
        ("The plant turns scrap into 2000 bricks a day.", PUB, &[]),
    ]);
}

#[test]
fn a_hedged_count_back_keeps_its_count() {
    check(&[
        (
            "A week or so ago, the two sides met in private.",
            PUB,
            &[("A week or so ago", "2025-11-28")],
        ),
        (
            "The deal was signed two years or so ago.",
            PUB,
            &[("two years or so ago", "2023")],
        ),
        // "or so" after a count that is no shift stays no date
        ("They waited a week or so before calling.", PUB, &[]),
    ]);
}

#[test]
fn a_year_inside_a_noun_modifier_frames_nothing() {
    check(&[
        // the year dates the scheme's approval, not the buying told after it
        (
            "Through a scheme approved by its members in 2012, the club had sold 300 season tickets through May 4.",
            "2015-06-10",
            &[("2012", "2012"), ("May 4", "by 2015-05-04")],
        ),
        // a year opening the sentence frames it
        (
            "In 2012, the club had sold 300 season tickets through May 4.",
            "2015-06-10",
            &[("2012", "2012"), ("May 4", "by 2012-05-04")],
        ),
        // a relative clause's year dates that clause only
        (
            "The mill, which closed in 2012, reopened on May 4.",
            "2015-06-10",
            &[("2012", "2012"), ("May 4", "2015-05-04")],
        ),
        // the main clause's own passive keeps its year for the rest
        (
            "The mill was approved by the council in 2012 and opened on May 4.",
            "2015-06-10",
            &[("2012", "2012"), ("May 4", "2012-05-04")],
        ),
    ]);
}

#[test]
fn a_scheduled_event_in_the_present_lies_ahead() {
    check(&[
        // news copy tells a scheduled event in the simple present
        (
            "The two ministers meet Monday in Vienna.",
            PUB,
            &[("Monday", "2025-12-08")],
        ),
        (
            "The trial opens on Tuesday in Leeds.",
            PUB,
            &[("Tuesday", "2025-12-09")],
        ),
        // the past tense, and a negated past, keep the day gone
        (
            "The two ministers met Monday in Vienna.",
            PUB,
            &[("Monday", "2025-12-01")],
        ),
        (
            "The two ministers did not meet Monday in Vienna.",
            PUB,
            &[("Monday", "2025-12-01")],
        ),
    ]);
}

#[test]
fn a_base_quarter_from_earlier_in_the_paragraph() {
    check(&[
        // two companies' quarters: the year-ago base follows the quarter named
        // earlier in its own paragraph, not the one the story names first
        (
            "The ferry line's profit rose in its fiscal first quarter.\n\nA rival ferry line posted third-quarter net income of $5 million. It sold two ships in the period. Year-earlier results had a charge for a closed port.",
            "2025-10-26",
            &[
                ("first quarter", "2025-Q1"),
                ("third-quarter", "2025-Q3"),
                ("Year-earlier", "2024-Q3"),
            ],
        ),
        // a fiscal quarter's number does not tell its months: no base for the
        // next sentence, which falls back on the quarter the story names first
        (
            "The ferry line's net income rose in the third quarter.\n\nA rival chain's profit doubled in its fiscal second quarter. Last year's results carried a loss on a warehouse fire.",
            "2025-10-26",
            &[
                ("the third quarter", "2025-Q3"),
                ("second quarter", "2025-Q2"),
                ("Last year", "2024-Q3"),
            ],
        ),
    ]);
}

#[test]
fn forms_of_news_copy_session_seven() {
    check(&[
        // "through" a span that begins with its year is that span
        (
            "Ticket sales rose 12% through the first nine months of the year.",
            "2025-10-30",
            &[("the first nine months of the year", "2025-01-01/2025-09-30")],
        ),
        (
            "Ticket sales rose 12% in the first nine months of the year.",
            "2025-10-30",
            &[("the first nine months of the year", "2025-01-01/2025-09-30")],
        ),
        // a far cue ahead makes a yearless day the nearest occurrence
        (
            "The ferry company said two boats would sail on Sundays from April 12, with a third crossing every Friday from July 4.",
            "2027-02-13",
            &[("April 12", "2027-04-12"), ("July 4", "2027-07-04")],
        ),
        (
            "The ferry company said two boats sailed on Sundays, with a third crossing every Friday from July 4.",
            "2027-02-13",
            &[("July 4", "2026-07-04")],
        ),
        // "year's end" after a preposition, without "the"
        (
            "Regulators expect the bank to meet the rules by year's end.",
            "2025-10-26",
            &[("year's end", "by 2025-12-31")],
        ),
        ("The year's end brought snow.", "2025-10-26", &[]),
        // a part of a month joined by a dash
        (
            "She made the late-November trip with her son.",
            "2026-01-28",
            &[("the late-November", "2025-11-21/2025-11-30")],
        ),
        ("She watched a late-night show.", "2026-01-28", &[]),
        // a season after "into", like "in" and "through"
        (
            "Sales stayed weak into the summer.",
            "2025-10-26",
            &[("the summer", "2025-06-01/2025-08-31")],
        ),
        ("Sales stayed weak, summer or not.", "2025-10-26", &[]),
    ]);
}
