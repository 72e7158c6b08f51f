//! A claim is checked only against the figure the sentence gives for it (issue 10).
//!
//! Every shape is a table: the claims, a sentence in its correct form (nothing is
//! raised) and wrong forms (the wrong figure or period is found). The sentences are
//! the project's own.

use claimcheck::document::Document;
use claimcheck::pipeline::Checker;
use claimcheck::rules;

/// (code, words found) for every figure finding of `text` under `claims` (YAML
/// entries of `claims:`).
fn findings(claims: &str, text: &str) -> Vec<(String, String)> {
    let yaml = format!("claims:\n{claims}");
    let set = rules::parse(&[("r.yaml".into(), yaml)]).expect("the rules load");
    let checker = Checker::new(set);
    let date = "2025-06-01".parse().ok();
    let doc = Document::new("story.txt", text.to_string(), date);
    checker
        .check_document(&doc)
        .into_iter()
        .map(|f| (f.code.to_string(), f.found))
        .collect()
}

/// One row: a sentence and what it must raise (code, words), none for a correct one.
type Row<'a> = (&'a str, &'a [(&'a str, &'a str)]);

fn check_table(claims: &str, rows: &[Row]) {
    for (text, expected) in rows {
        let got = findings(claims, text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(c, w)| (c.to_string(), w.to_string()))
            .collect();
        assert_eq!(got, want, "claims:\n{claims}text: {text}");
    }
}

const SILENT: &[(&str, &str)] = &[];

#[test]
fn a_list_entry_is_checked_against_its_owner() {
    let claims = "  - id: chu\n    claim: \"Chu 12% of registered voters\"\n";
    check_table(
        claims,
        &[
            (
                "Alvarez was backed by 41% of registered voters, Brennan by 28% and Chu by 12%.",
                SILENT,
            ),
            (
                "Alvarez was backed by 41% of registered voters, Brennan by 28% and Chu by 15%.",
                &[("value-mismatch", "15%")],
            ),
            // Another entry's figure equal to the claim's does not excuse Chu's.
            (
                "Alvarez was backed by 41% of registered voters, Brennan by 12% and Chu by 15%.",
                &[("value-mismatch", "15%")],
            ),
        ],
    );
}

#[test]
fn two_economies_in_one_sentence() {
    let claims = "  - id: peru\n    claim: \"Peru grew 2 percent\"\n";
    check_table(
        claims,
        &[
            (
                "Chile grew 6.5 percent last year, while Peru grew 2 percent.",
                SILENT,
            ),
            (
                "Peru grew 2 percent last year, while Chile grew 6.5 percent.",
                SILENT,
            ),
            (
                "Chile grew 6.5 percent last year, while Peru grew 3 percent.",
                &[("value-mismatch", "grew 3 percent")],
            ),
            (
                "Peru grew 3 percent last year, while Chile grew 2 percent.",
                &[("value-mismatch", "grew 3 percent")],
            ),
        ],
    );
    let claims = "  - id: us\n    claim: \"the U.S. economy grew 2 percent\"\n";
    check_table(
        claims,
        &[
            (
                "The Chinese economy grew 6.5 percent, while the U.S. economy grew 2 percent.",
                SILENT,
            ),
            (
                "The Chinese economy grew 6.5 percent, while the U.S. economy grew 3 percent.",
                &[("value-mismatch", "grew 3 percent")],
            ),
        ],
    );
}

#[test]
fn two_facts_in_one_sentence_in_either_order() {
    let claims = "  - id: riders\n    claim: \"ridership +12%\"\n";
    check_table(
        claims,
        &[
            ("Costs rose 21% in 2024, while ridership rose 12%.", SILENT),
            ("Ridership rose 12%, while costs rose 21% in 2024.", SILENT),
            ("Costs rose 21% and ridership rose 12%.", SILENT),
            (
                "Costs rose 21% in 2024, while ridership rose 15%.",
                &[("value-mismatch", "rose 15%")],
            ),
            (
                "Ridership rose 15%, while costs rose 12% in 2024.",
                &[("value-mismatch", "rose 15%")],
            ),
            (
                "Costs rose 21% and ridership rose 15%.",
                &[("value-mismatch", "rose 15%")],
            ),
        ],
    );
}

#[test]
fn a_comparison_base_is_not_the_current_value() {
    let rate = "  - id: rate\n    claim: \"jobless rate 6.5%\"\n";
    check_table(
        rate,
        &[
            ("The jobless rate fell to 6.5% from 7.1%.", SILENT),
            ("The jobless rate fell from 7.1% to 6.5%.", SILENT),
            (
                "The jobless rate is 6.5%, up from 5.9% a year before.",
                SILENT,
            ),
            (
                "The jobless rate is 6.5%, compared with 7.4% in the spring.",
                SILENT,
            ),
            (
                "The jobless rate fell to 6.8% from 7.1%.",
                &[("value-mismatch", "6.8%")],
            ),
            (
                "The jobless rate is 6.2%, up from 5.9% a year before.",
                &[("value-mismatch", "6.2%")],
            ),
            (
                "The jobless rate is 6.9%, compared with 7.4% in the spring.",
                &[("value-mismatch", "6.9%")],
            ),
        ],
    );
    // The base agrees with a claim about the earlier value.
    let before = "  - id: before\n    claim: \"jobless rate 7.1%\"\n";
    check_table(
        before,
        &[("The jobless rate fell to 6.5% from 7.1%.", SILENT)],
    );
}

#[test]
fn an_expectation_revised_is_a_base() {
    let claims = "  - id: bridge\n    claim: \"the bridge will cost $4.2 billion\"\n";
    check_table(
        claims,
        &[
            (
                "The bridge was expected to cost $3.1 billion but will now cost $4.2 billion.",
                SILENT,
            ),
            (
                "The bridge was expected to cost $3.1 billion, and will now cost $4.2 billion.",
                SILENT,
            ),
            (
                "The bridge was expected to cost $3.1 billion but will now cost $4.6 billion.",
                &[("value-mismatch", "$4.6 billion")],
            ),
        ],
    );
}

#[test]
fn a_value_when_something_happened_is_a_base() {
    let claims = "  - id: rate\n    claim: \"unemployment rate 4.9 percent\"\n";
    check_table(
        claims,
        &[
            (
                "The unemployment rate is 4.9 percent, down from 7.8 percent when the mayor took office.",
                SILENT,
            ),
            (
                "The unemployment rate was 7.8 percent when the mayor took office.",
                SILENT,
            ),
            (
                "The unemployment rate is 5.2 percent, down from 7.8 percent when the mayor took office.",
                &[("value-mismatch", "5.2 percent")],
            ),
        ],
    );
}

#[test]
fn a_total_is_a_base_and_the_part_is_the_value() {
    let created = "  - id: created\n    claim: \"3,200 jobs created\"\n";
    check_table(
        created,
        &[
            ("Of the 5,000 jobs promised, 3,200 were created.", SILENT),
            (
                "Of the 5,000 jobs promised, 3,100 were created.",
                &[("value-mismatch", "3,100")],
            ),
        ],
    );
    let promised = "  - id: promised\n    claim: \"5,000 jobs promised\"\n";
    check_table(
        promised,
        &[
            ("Of the 5,000 jobs promised, 3,200 were created.", SILENT),
            (
                "Of the 6,000 jobs promised, 3,200 were created.",
                &[("value-mismatch", "6,000 jobs")],
            ),
        ],
    );
}

const SERIES: &str = "  - id: riders-2023\n    claim: \"ridership +9%\"\n    period: 2023\n  - id: riders-2024\n    claim: \"ridership +12%\"\n    period: 2024\n";

#[test]
fn a_series_checks_each_period_against_its_own_claim() {
    check_table(
        SERIES,
        &[
            (
                "Ridership rose 9% in 2023. Ridership rose 12% in 2024.",
                SILENT,
            ),
            ("Ridership rose 9% in 2023 and 12% in 2024.", SILENT),
            ("In 2023, ridership rose 9%; in 2024, it rose 12%.", SILENT),
            (
                "Ridership rose 9% in 2023. Ridership rose 14% in 2024.",
                &[("value-mismatch", "rose 14%")],
            ),
            (
                "Ridership rose 9% in 2023 and 15% in 2024.",
                &[("value-mismatch", "15%")],
            ),
            (
                "Ridership rose 7% in 2023 and 12% in 2024.",
                &[("value-mismatch", "rose 7%")],
            ),
        ],
    );
}

#[test]
fn a_figure_for_another_period_is_another_fact_unless_it_is_the_claims() {
    let claims = "  - id: riders-2024\n    claim: \"ridership +12%\"\n    period: 2024\n";
    check_table(
        claims,
        &[
            // Another period, another value: another fact.
            ("Ridership rose 9% in 2023.", SILENT),
            (
                "Ridership rose 12% in 2024, after rising 9% in 2023.",
                SILENT,
            ),
            // The claim's own figure put in another period.
            (
                "Ridership rose 12% in 2023.",
                &[("period-mismatch", "2023")],
            ),
            // A period that is a comparison base is not the figure's.
            ("Ridership rose 12% compared with 2023.", SILENT),
        ],
    );
}

#[test]
fn a_qualifier_that_differs_names_another_fact() {
    let claims = "  - id: thefts\n    claim: \"64 percent of thefts involving private cars\"\n";
    check_table(
        claims,
        &[
            (
                "Police solved 70 percent of thefts involving rental cars, and fewer of those involving private cars.",
                SILENT,
            ),
            (
                "Police solved 70 percent of thefts involving rental cars that private owners had reported.",
                SILENT,
            ),
            (
                "Police solved 64 percent of thefts involving private cars.",
                SILENT,
            ),
            (
                "Police solved 70 percent of thefts involving private cars.",
                &[("value-mismatch", "70 percent")],
            ),
            (
                "Of thefts involving private cars, police solved 70 percent.",
                &[("value-mismatch", "70 percent")],
            ),
        ],
    );
}

#[test]
fn a_value_reached_is_not_a_bound() {
    let claims = "  - id: premiums\n    claim: \"premiums $8,400\"\n";
    check_table(
        claims,
        &[
            ("Premiums have gone up to $8,400 a year.", SILENT),
            ("Premiums went up to $8,400 a year.", SILENT),
            (
                "Premiums have gone up to $9,100 a year.",
                &[("value-mismatch", "$9,100")],
            ),
        ],
    );
}

#[test]
fn a_figure_with_no_period_speaks_of_the_time_of_publication() {
    // The story is dated 2025-06-01; the claim's period ended years before.
    let claims = "  - id: riders-2019\n    claim: \"ridership +15%\"\n    period: 2019\n";
    check_table(
        claims,
        &[
            ("Ridership rose 9% this spring.", SILENT),
            ("In 2019, ridership rose 15%.", SILENT),
            (
                "In 2019, ridership rose 11%.",
                &[("value-mismatch", "rose 11%")],
            ),
        ],
    );
    // A claim of the last year is still checked against an unmarked figure.
    let recent = "  - id: riders-2025\n    claim: \"ridership +15%\"\n    period: 2025\n";
    check_table(
        recent,
        &[("Ridership rose 11%.", &[("value-mismatch", "rose 11%")])],
    );
}

#[test]
fn a_relative_clause_speaks_of_the_noun_before_it() {
    let claims = "  - id: chu\n    claim: \"Chu raised $2 million\"\n";
    check_table(
        claims,
        &[
            (
                "Alvarez, who endorsed Chu, raised $4 million last year.",
                SILENT,
            ),
            (
                "The poll shows Alvarez ahead of Chu, who raised $2 million.",
                SILENT,
            ),
            (
                "The poll shows Alvarez ahead of Chu, who raised $3 million.",
                &[("value-mismatch", "$3 million")],
            ),
        ],
    );
}

#[test]
fn margins_differences_and_thresholds_are_not_the_value() {
    let share = "  - id: share\n    claim: \"Alvarez 41 percent\"\n";
    check_table(
        share,
        &[
            ("Alvarez holds a 6-point lead in the new poll.", SILENT),
            (
                "Alvarez gained 3 percentage points in the new poll.",
                SILENT,
            ),
            (
                "Alvarez has 44 percent in the new poll.",
                &[("value-mismatch", "44 percent")],
            ),
        ],
    );
    let deficit = "  - id: deficit\n    claim: \"deficit $500 billion\"\n";
    check_table(
        deficit,
        &[
            (
                "The deficit is $500 billion, $80 billion more than last year.",
                SILENT,
            ),
            (
                "The deficit is $520 billion, $80 billion more than last year.",
                &[("value-mismatch", "$520 billion")],
            ),
            // Today's forecast is the value; an old expectation is a base.
            ("The deficit is projected to be $500 billion.", SILENT),
            (
                "The deficit is projected to be $540 billion.",
                &[("value-mismatch", "$540 billion")],
            ),
        ],
    );
    let votes = "  - id: votes\n    claim: \"Alvarez 1.2 million votes\"\n";
    check_table(
        votes,
        &[(
            "Alvarez will need at least 2 million votes to win in the fall.",
            SILENT,
        )],
    );
}

#[test]
fn a_figure_that_states_another_claim_is_that_claims() {
    let claims = "  - id: chu-now\n    claim: \"Chu 47 percent\"\n  - id: chu-before\n    claim: \"Chu 37 percent\"\n";
    check_table(
        claims,
        &[
            ("A new poll shows Chu with 47 percent.", SILENT),
            (
                "A new poll shows Chu with 45 percent.",
                &[
                    ("value-mismatch", "45 percent"),
                    ("value-mismatch", "45 percent"),
                ],
            ),
        ],
    );
}

#[test]
fn a_bound_that_rounds_the_claims_value_agrees() {
    let claims = "  - id: votes\n    claim: \"Alvarez 13.3 million votes\"\n";
    check_table(
        claims,
        &[
            ("Alvarez won more than 13 million votes.", SILENT),
            (
                "Alvarez won more than 12 million votes.",
                &[("value-mismatch", "12 million votes")],
            ),
        ],
    );
    let rate = "  - id: rate\n    claim: \"unemployment 4.9 percent\"\n";
    check_table(
        rate,
        &[
            ("Unemployment has fallen below 5 percent.", SILENT),
            (
                "Unemployment has fallen below 4 percent.",
                &[("value-mismatch", "fallen below 4 percent")],
            ),
        ],
    );
}

#[test]
fn a_period_without_its_year_may_mean_the_year_the_sentence_names() {
    let claims = "  - id: peak\n    claim: \"peaked at 10 percent\"\n    period: 2019-10\n";
    check_table(
        claims,
        &[
            (
                "The rate was 7 percent in January 2019 and peaked at 10 percent in October of that year.",
                SILENT,
            ),
            (
                "The rate peaked at 10 percent in October 2021.",
                &[("period-mismatch", "October 2021")],
            ),
        ],
    );
}

#[test]
fn a_relative_clause_keeps_its_near_words_to_itself() {
    // The figure in a relative clause about another place is that place's.
    let claims = "  - id: hurt\n    claim: \"30 were injured\"\n    near: [Dresden]\n";
    check_table(
        claims,
        &[
            (
                "The flood in Dresden is one of several this year and follows the storm in Lyon, France — where 12 were killed and roughly 90 injured.",
                SILENT,
            ),
            ("In Dresden, 30 were injured and 12 were killed.", SILENT),
            (
                "In Dresden, 40 were injured and 12 were killed.",
                &[("value-mismatch", "40")],
            ),
        ],
    );
    // A near word in a relative clause about the noun does not make the figure
    // before that noun the near word's.
    let claims = "  - id: garcia\n    claim: \"$9 toll\"\n    near: [Garcia]\n";
    check_table(
        claims,
        &[
            (
                "The council voted for the $11 toll, which was seen as a rebuke to Garcia.",
                SILENT,
            ),
            ("Garcia backs the $9 toll.", SILENT),
            ("Garcia backs the $11 toll.", &[("value-mismatch", "$11")]),
        ],
    );
    // A sentence that opens with "when" opens no relative clause.
    let claims = "  - id: ortiz\n    claim: \"45 percent of likely voters\"\n    near: [Ortiz]\n";
    check_table(
        claims,
        &[
            (
                "When Ortiz faces Lee, 45 percent of likely voters back him, against 40 percent for Lee.",
                SILENT,
            ),
            (
                "When Ortiz faces Lee, 54 percent of likely voters back him, against 40 percent for Lee.",
                &[("value-mismatch", "54 percent")],
            ),
        ],
    );
}

#[test]
fn another_of_a_thing_is_another_fact() {
    let claims =
        "  - id: roads\n    claim: \"$2.5 million for road repairs\"\n    near: [Senate]\n";
    check_table(
        claims,
        &[
            (
                "The mayor praised another Senate bill that set aside $800,000 for road repairs.",
                SILENT,
            ),
            (
                "A different Senate plan put $900,000 toward road repairs.",
                SILENT,
            ),
            (
                "The Senate bill set aside $2.5 million for road repairs.",
                SILENT,
            ),
            (
                "The Senate bill set aside $3 million for road repairs.",
                &[("value-mismatch", "$3 million")],
            ),
        ],
    );
    let claims = "  - id: poll\n    claim: \"poll 44 percent\"\n";
    check_table(
        claims,
        &[
            ("Another poll gave him 39 percent.", SILENT),
            ("The poll gave him 44 percent.", SILENT),
            (
                "The poll gave him 39 percent.",
                &[("value-mismatch", "39 percent")],
            ),
        ],
    );
    // A claim about the other members is about them.
    let claims = "  - id: rest\n    claim: \"other members 30 percent\"\n";
    check_table(
        claims,
        &[
            ("The other members paid 30 percent.", SILENT),
            (
                "The other members paid 35 percent.",
                &[("value-mismatch", "35 percent")],
            ),
        ],
    );
}

#[test]
fn a_share_of_a_group_is_not_the_share_of_what_the_question_names() {
    let claims = "  - id: ortiz\n    claim: \"Ortiz 38 percent\"\n";
    check_table(
        claims,
        &[
            (
                "Asked whether Ortiz is honest, 64 percent of Republicans said yes while 41 percent overall agreed and 30 percent of independents did not.",
                SILENT,
            ),
            ("In the new survey, Ortiz drew 38 percent.", SILENT),
            (
                "In the new survey, Ortiz drew 41 percent.",
                &[("value-mismatch", "41 percent")],
            ),
            (
                "Asked whom they back, 41 percent named Ortiz.",
                &[("value-mismatch", "41 percent")],
            ),
        ],
    );
}

#[test]
fn a_range_is_checked_end_by_end() {
    let claims = "  - id: bonds\n    claim: \"between $2,000 and $8,000 in city bonds\"\n";
    check_table(
        claims,
        &[
            ("She holds between $2,000 and $8,000 in city bonds.", SILENT),
            (
                "She holds between $2,000 and $80,000 in city bonds.",
                &[("value-mismatch", "$2,000 and $80,000")],
            ),
            (
                "She holds between $1,000 and $8,000 in city bonds.",
                &[("value-mismatch", "$1,000 and $8,000")],
            ),
        ],
    );
}

#[test]
fn a_figure_restated_in_other_terms_shares_its_words() {
    let claims = "  - id: debt\n    claim: \"$2.1 billion, 3 percent of the city budget\"\n    period: 2030\n";
    check_table(
        claims,
        &[
            (
                "By 2030, debt service would pass $2 billion for the first time, reaching $2.1 billion, or 3 percent of the city budget.",
                SILENT,
            ),
            (
                "By 2030, debt service would reach $2.4 billion, or 3 percent of the city budget.",
                &[("value-mismatch", "$2.4 billion")],
            ),
            (
                "By 2028, debt service would reach $2.1 billion, or 3 percent of the city budget.",
                &[("period-mismatch", "2028")],
            ),
        ],
    );
    // Without the "or", the second figure is another fact with its own words.
    let claims = "  - id: parks\n    claim: \"$40 million, 2 percent of the city budget\"\n";
    check_table(
        claims,
        &[(
            "Parks got $55 million and schools 2 percent of the city budget.",
            SILENT,
        )],
    );
}

#[test]
fn a_day_dates_the_figure_of_a_claim_of_a_day() {
    // Published Sunday 2025-06-01: "Thursday" is 2025-05-29.
    let claims = "  - id: snap\n    claim: \"58 percent of viewers\"\n    period: 2025-05-29\n";
    check_table(
        claims,
        &[
            (
                "In a snap poll conducted on Thursday, 58 percent of viewers approved.",
                SILENT,
            ),
            (
                "In a snap poll conducted on Monday, 58 percent of viewers approved.",
                &[("period-mismatch", "Monday")],
            ),
            (
                "In a snap poll conducted on Thursday, 53 percent of viewers approved.",
                &[("value-mismatch", "53 percent")],
            ),
        ],
    );
    // For a claim of a year, a day in the sentence dates what was said, not the figure.
    let claims = "  - id: year\n    claim: \"58 percent of viewers\"\n    period: 2024\n";
    check_table(
        claims,
        &[(
            "The network said on Monday that 58 percent of viewers approved.",
            SILENT,
        )],
    );
}

#[test]
fn a_when_clause_after_a_date_is_given_for_that_date() {
    let claims = "  - id: march\n    claim: \"41 percent approval\"\n    period: 2025-03\n";
    check_table(
        claims,
        &[
            (
                "His rating is now 47 percent, a six-point gain from March, when 41 percent approval was recorded.",
                SILENT,
            ),
            (
                "His rating is now 47 percent, a six-point gain from April, when 41 percent approval was recorded.",
                &[("period-mismatch", "April")],
            ),
            (
                "His rating is now 47 percent, a six-point gain from March, when 44 percent approval was recorded.",
                &[("value-mismatch", "44 percent")],
            ),
        ],
    );
}

/// The people of the statement and quote tables.
const PEOPLE: &str = "people:\n  - id: ward\n    name: Dana Ward\n    aliases: [Ward]\n  - id: ellis\n    name: Lee Ellis\n    aliases: [Ellis]\n";

/// (code, words found) for every finding of `text` under `PEOPLE` and `claims`.
fn said_findings(claims: &str, text: &str) -> Vec<(String, String)> {
    let yaml = format!("{PEOPLE}claims:\n{claims}");
    let set = rules::parse(&[("r.yaml".into(), yaml)]).expect("the rules load");
    let checker = Checker::new(set);
    // A Sunday: "Thursday" is 2025-05-29, "Tuesday" 2025-05-27.
    let date = "2025-06-01".parse().ok();
    let doc = Document::new("story.txt", text.to_string(), date);
    checker
        .check_document(&doc)
        .into_iter()
        .map(|f| (f.code.to_string(), f.found))
        .collect()
}

fn said_table(claims: &str, rows: &[Row]) {
    for (text, expected) in rows {
        let got = said_findings(claims, text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(c, w)| (c.to_string(), w.to_string()))
            .collect();
        assert_eq!(got, want, "claims:\n{claims}text: {text}");
    }
}

/// Ward's statement of Thursday 2025-05-29.
const WARD_AUDIT: &str = "  - id: audit\n    statement: \"the harbor audit would be published in full\"\n    by: ward\n    date: 2025-05-29\n";

#[test]
fn a_relative_clause_between_speaker_and_verb_speaks_of_the_speaker() {
    said_table(
        WARD_AUDIT,
        &[
            (
                "Dana Ward, who has backed Lee Ellis despite years of quarrels over the docks, said Thursday that the harbor audit would be published in full.",
                SILENT,
            ),
            (
                "Dana Ward, who has backed Lee Ellis despite years of quarrels over the docks, said Tuesday that the harbor audit would be published in full.",
                &[("date-mismatch", "Tuesday")],
            ),
            // A date inside the clause dates what the clause tells, not the saying.
            (
                "Dana Ward, who took office on Tuesday, said that the harbor audit would be published in full.",
                SILENT,
            ),
        ],
    );
    // The person inside the clause does not speak: Ellis's rule is not matched.
    let ellis = WARD_AUDIT.replace("by: ward", "by: ellis");
    said_table(
        &ellis,
        &[(
            "Dana Ward, who has backed Lee Ellis despite years of quarrels over the docks, said Tuesday that the harbor audit would be published in full.",
            SILENT,
        )],
    );
}

#[test]
fn asides_and_abbreviations_between_speaker_and_verb() {
    said_table(
        WARD_AUDIT,
        &[
            (
                "Rep. Dana Ward (D-Ore.) said Thursday in Salem that the harbor audit would be published in full.",
                SILENT,
            ),
            (
                "Rep. Dana Ward (D-Ore.) said Tuesday in Salem that the harbor audit would be published in full.",
                &[("date-mismatch", "Tuesday")],
            ),
            (
                "Rep. Dana Ward, D-N.Y., noted in a guest column in Thursday’s Gazette that the harbor audit would be published in full.",
                SILENT,
            ),
            (
                "Rep. Dana Ward, D-N.Y., noted in a guest column in Tuesday’s Gazette that the harbor audit would be published in full.",
                &[("date-mismatch", "Tuesday")],
            ),
        ],
    );
}

#[test]
fn a_reporting_verb_after_and_shares_the_opening_subject() {
    said_table(
        WARD_AUDIT,
        &[
            (
                "Dana Ward has set aside $26 million for the docks and on Thursday announced the harbor audit would be published in full.",
                SILENT,
            ),
            (
                "Dana Ward has set aside $26 million for the docks and on Tuesday announced the harbor audit would be published in full.",
                &[("date-mismatch", "Tuesday")],
            ),
            // A date before the "and" dates the first verb phrase, not the announcing.
            (
                "Dana Ward set aside $26 million on Tuesday and announced the harbor audit would be published in full.",
                SILENT,
            ),
        ],
    );
    // Ellis is the object of the first verb, not the subject of the second.
    let ellis = WARD_AUDIT.replace("by: ward", "by: ellis");
    said_table(
        &ellis,
        &[(
            "The board thanked Lee Ellis and on Tuesday announced the harbor audit would be published in full.",
            SILENT,
        )],
    );
}

/// Ellis's recorded quote of Thursday 2025-05-29.
const ELLIS_DOCKS: &str = "  - id: docks\n    quote: \"We will not wait another decade for the docks\"\n    by: ellis\n    date: 2025-05-29\n";

#[test]
fn the_senator_is_the_last_person_named_with_that_title() {
    said_table(
        ELLIS_DOCKS,
        &[
            (
                "Sen. Lee Ellis spoke after Gov. Dana Ward.\n\n“We will not wait another decade for the docks,” the senator said during Thursday night’s debate.",
                SILENT,
            ),
            (
                "Sen. Lee Ellis spoke after Gov. Dana Ward.\n\n“We will not wait another decade for the docks,” the senator said during Tuesday night’s debate.",
                &[("date-mismatch", "Tuesday")],
            ),
            // The governor is Ward, though Ellis was named last.
            (
                "Gov. Dana Ward spoke before Sen. Lee Ellis.\n\n“We will not wait another decade for the docks,” the governor said during Thursday night’s debate.",
                &[(
                    "quote-misattribution",
                    "We will not wait another decade for the docks",
                )],
            ),
            // "A senator" names nobody in particular: no speaker to contradict.
            (
                "Gov. Dana Ward spoke before Sen. Lee Ellis.\n\n“We will not wait another decade for the docks,” a senator said during Thursday night’s debate.",
                SILENT,
            ),
        ],
    );
}

#[test]
fn a_colon_after_a_verb_of_reaction_gives_the_quote_to_its_object() {
    said_table(
        ELLIS_DOCKS,
        &[
            (
                "The vote does not surprise harbor pilot Lee Ellis: “We will not wait another decade for the docks.”",
                SILENT,
            ),
            (
                "The vote does not surprise harbor pilot Dana Ward: “We will not wait another decade for the docks.”",
                &[(
                    "quote-misattribution",
                    "We will not wait another decade for the docks",
                )],
            ),
            // A clause that names Ward but no reaction of hers gives her no words.
            (
                "The last vote of the session went to Dana Ward: “We will not wait another decade for the docks.”",
                SILENT,
            ),
        ],
    );
}

#[test]
fn soon_after_an_event_dates_the_saying_to_the_events_day() {
    said_table(
        ELLIS_DOCKS,
        &[
            (
                "Soon after Dana Ward was heckled Thursday at a harbor breakfast, Lee Ellis wrote to his followers, “We will not wait another decade for the docks.”",
                SILENT,
            ),
            (
                "Soon after Dana Ward was heckled Tuesday at a harbor breakfast, Lee Ellis wrote to his followers, “We will not wait another decade for the docks.”",
                &[("date-mismatch", "Tuesday")],
            ),
            // Hours or days after may fall on another day: the date is the event's.
            (
                "Two days after Dana Ward was heckled Tuesday at a harbor breakfast, Lee Ellis wrote to his followers, “We will not wait another decade for the docks.”",
                SILENT,
            ),
        ],
    );
}

/// `mentions --rules` shows a rule author who each statement was given to, with
/// which verb, and the date of its saying, or that the sentence gives none.
#[test]
fn mentions_shows_who_a_statement_was_given_to_and_its_date() {
    use claimcheck::understand::explain;
    let yaml = format!("{PEOPLE}claims:\n{WARD_AUDIT}");
    let set = rules::parse(&[("r.yaml".into(), yaml)]).expect("the rules load");
    let checker = Checker::new(set);
    let text = "The port board met.\n\nDana Ward, who has backed Lee Ellis for years, said Tuesday that the harbor audit would be published in full.\n\nLee Ellis said the harbor audit would be published in full.\n";
    let doc = Document::new("story.txt", text.to_string(), "2025-06-01".parse().ok());
    let said = explain::statements(&checker, &doc);
    let shown: Vec<_> = said
        .iter()
        .map(|s| {
            (
                s.claim.as_str(),
                s.line,
                s.column,
                s.speaker.as_str(),
                s.verb.as_str(),
                s.date.as_deref(),
            )
        })
        .collect();
    // Ellis's own sentence is not Ward's statement: only Ward's is listed.
    assert_eq!(
        shown,
        [("audit", 3, 1, "Dana Ward", "said", Some("Tuesday"))]
    );
    let human = explain::render_statements_human(&said);
    assert!(
        human.contains(
            "3:1      statement audit  (speaker \"Dana Ward\", verb \"said\", 100% of its words; dated Tuesday)"
        ),
        "{human}"
    );
}
