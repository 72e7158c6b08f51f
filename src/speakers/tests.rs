//! Table tests of the speaker shapes, in sentences written for them.

use super::*;
use crate::extract::quote::quotations;
use crate::people::PeopleFinder;
use crate::rules::Person;

fn people() -> Vec<Person> {
    vec![Person {
        id: "okafor".into(),
        name: "Ada Okafor".into(),
        aliases: vec!["harbour commissioner".into()],
    }]
}

/// Quoted words, speaker as written, kind, rule person id.
type Said = (String, Option<String>, Option<&'static str>, Option<String>);

/// What every quotation of `text` is and who says it.
fn who(text: &str) -> Vec<Said> {
    let doc = Document::new("a.txt", text.to_string(), None);
    let ps = people();
    let named = PeopleFinder::new(&ps).find(&doc.prose);
    let quoted = quotations(&doc.prose, &doc.blocks);
    let found = speakers(&doc, &quoted, &named);
    quoted
        .iter()
        .zip(found)
        .map(|(q, s)| {
            (
                q.text(&doc.prose),
                s.as_ref().map(|s| s.text(&doc.prose).to_string()),
                s.as_ref().map(|s| s.kind.word()),
                s.and_then(|s| s.person).map(|p| ps[p].id.clone()),
            )
        })
        .collect()
}

/// The speaker (as written) of the first quotation.
fn first(text: &str) -> Option<String> {
    who(text).into_iter().next().and_then(|w| w.1)
}

#[test]
fn named_person_on_either_side_of_the_cue() {
    let table = [
        (
            "“The docks will reopen in May,” Pat Doyle said.",
            Some("Pat Doyle"),
        ),
        (
            "“The docks will reopen in May,” said Pat Doyle.",
            Some("Pat Doyle"),
        ),
        (
            "Pat Doyle said: “The docks will reopen in May.”",
            Some("Pat Doyle"),
        ),
        (
            "Pat Doyle told reporters, “The docks will reopen in May.”",
            Some("Pat Doyle"),
        ),
        (
            "“The docks will reopen in May,” Sen. Pat Doyle (D-Maine) said.",
            Some("Sen. Pat Doyle"),
        ),
        // A full stop inside the brackets does not end the clause.
        (
            "“The docks will reopen in May,” Rep. Pat Doyle (D-Wash.) said.",
            Some("Rep. Pat Doyle"),
        ),
        // An inverted speaker with a relative clause after it.
        (
            "“The docks will reopen in May,” said a port official who was not allowed to speak publicly.",
            Some("a port official"),
        ),
        (
            "“The docks will reopen in May,” said a Danish official who was not allowed to speak.",
            Some("a Danish official"),
        ),
        (
            "“The docks will reopen in May,” Doyle tweeted on Friday.",
            Some("Doyle"),
        ),
        (
            "“The docks will reopen in May,” Doyle also warned.",
            Some("Doyle"),
        ),
        (
            "Doyle had confidently predicted that the docks would reopen “by the end of May.”",
            Some("Doyle"),
        ),
        (
            "“The docks will reopen in May,” the family said.",
            Some("the family"),
        ),
        (
            "“The docks will reopen in May,” according to Pat Doyle.",
            Some("Pat Doyle"),
        ),
        // No cue at all: nobody is said to speak.
        (
            "“The docks will reopen in May” was printed on the flyer.",
            None,
        ),
        (
            "“The docks will reopen in May,” and the crowd cheered.",
            None,
        ),
    ];
    for (text, want) in table {
        assert_eq!(first(text).as_deref(), want, "{text}");
    }
}

#[test]
fn apposition_names_the_person_not_the_one_described() {
    let table = [
        (
            "“We will carry every county,” Lena Ruiz, Moreau's campaign manager, said.",
            "Lena Ruiz",
        ),
        (
            "“We will carry every county,” Lena Ruiz, who runs the Moreau campaign, said.",
            "Lena Ruiz",
        ),
        (
            "Lena Ruiz, Moreau's campaign manager, said: “We will carry every county.”",
            "Lena Ruiz",
        ),
    ];
    for (text, want) in table {
        assert_eq!(first(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn roles_and_organisations_speak_too() {
    let table = [
        (
            "“The ferry runs at noon,” the mayor said.",
            "the mayor",
            "role",
        ),
        (
            "“The ferry runs at noon,” a campaign spokesman said.",
            "a campaign spokesman",
            "role",
        ),
        (
            "“The ferry runs at noon,” the ministry said.",
            "the ministry",
            "organisation",
        ),
        (
            "The Foreign Ministry told a newspaper: “The ferry runs at noon.”",
            "The Foreign Ministry",
            "organisation",
        ),
        ("“The ferry runs at noon,” she said.", "she", "pronoun"),
    ];
    for (text, want, kind) in table {
        let w = who(text);
        assert_eq!(w[0].1.as_deref(), Some(want), "{text}");
        assert_eq!(w[0].2, Some(kind), "{text}");
    }
}

#[test]
fn cue_verbs_are_a_real_list() {
    for cue in [
        "exclaimed",
        "charged",
        "responded",
        "chanted",
        "yelled",
        "insisted",
        "argued",
        "noted",
        "notes",
        "concludes",
        "points out",
        "pointed out",
        "wrote",
        "added",
    ] {
        let text = format!("“The vote was rigged,” Tom Hale {cue}.");
        assert_eq!(first(&text).as_deref(), Some("Tom Hale"), "{text}");
    }
}

#[test]
fn pronouns_resolve_to_the_last_person_named_outside_quotes() {
    let text = "Mr. Tom Hale met Ms. Ada Okafor at the pier. “We met Jane Roe there,” she said.";
    let doc = Document::new("a.txt", text.to_string(), None);
    let quoted = quotations(&doc.prose, &doc.blocks);
    let ps = people();
    let named = PeopleFinder::new(&ps).find(&doc.prose);
    let found = speakers(&doc, &quoted, &named);
    let s = found[0].as_ref().expect("a speaker");
    assert_eq!(s.kind, SpeakerKind::Pronoun);
    // Not Jane Roe (named inside the quotation), not Tom Hale (a man).
    assert_eq!(
        &doc.prose[s.name.clone().expect("resolved")],
        "Ms. Ada Okafor"
    );
    assert_eq!(s.person, Some(0));
    // "he" skips the woman named last.
    let text = "Mr. Tom Hale met Ms. Ada Okafor at the pier. “It went well,” he said.";
    let doc = Document::new("a.txt", text.to_string(), None);
    let quoted = quotations(&doc.prose, &doc.blocks);
    let found = speakers(&doc, &quoted, &PeopleFinder::new(&ps).find(&doc.prose));
    let s = found[0].as_ref().expect("a speaker");
    assert_eq!(
        &doc.prose[s.name.clone().expect("resolved")],
        "Mr. Tom Hale"
    );
    assert_eq!(s.person, None);
}

#[test]
fn the_topic_is_not_the_speaker() {
    let text = "Ada Okafor spoke at the pier. “He never listens,” she said of Tom Hale.";
    let doc = Document::new("a.txt", text.to_string(), None);
    let quoted = quotations(&doc.prose, &doc.blocks);
    let ps = people();
    let found = speakers(&doc, &quoted, &PeopleFinder::new(&ps).find(&doc.prose));
    let s = found[0].as_ref().expect("a speaker");
    assert_eq!(s.text(&doc.prose), "she");
    assert_eq!(s.person, Some(0));
    assert_eq!(&doc.prose[s.topic.clone().expect("a topic")], "Tom Hale");
}

#[test]
fn a_speaker_carries_over_to_standalone_quotations() {
    let text = "“The pier is safe,” Ada Okafor said.\n\n“It will stay open all winter.”\n\nThe weather turned later.\n\n“Nobody asked us.”";
    let w = who(text);
    assert_eq!(w[0].1.as_deref(), Some("Ada Okafor"));
    assert_eq!(w[1].1.as_deref(), Some("Ada Okafor"));
    assert_eq!(w[1].3.as_deref(), Some("okafor"));
    // Two paragraphs on, after narrative: still the quotation before it, which had a
    // speaker, so it carries (up to CARRY_BLOCKS paragraphs).
    assert_eq!(w[2].1.as_deref(), Some("Ada Okafor"));
    // A speaker does not carry past a quotation nobody is said to speak.
    let text = "“The pier is safe,” Ada Okafor said.\n\nThe gate still carried a “Closed for repairs until May” notice.\n\n“Nobody asked us.”";
    let w = who(text);
    assert_eq!(w.last().and_then(|x| x.1.clone()), None);
}

#[test]
fn split_by_the_cue_both_halves_are_the_speakers() {
    let w = who("“The pier is safe,” Ada Okafor said, “and it will stay open.”");
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].1.as_deref(), Some("Ada Okafor"));
    assert_eq!(w[1].1.as_deref(), Some("Ada Okafor"));
}

#[test]
fn a_colon_introduces_the_next_paragraph() {
    let w = who("Tom Hale put it plainly:\n\n“We are not moving the market.”");
    assert_eq!(w[0].1.as_deref(), Some("Tom Hale"));
}

#[test]
fn rule_people_by_alias() {
    let w = who("“The pier is safe,” the harbour commissioner said.");
    assert_eq!(w[0].3.as_deref(), Some("okafor"));
}

#[test]
fn short_phrases_said_by_someone_are_fragments() {
    let doc = Document::new(
        "a.txt",
        "Tom Hale said the plan was “rushed.” Critics call it a “harbour grab” anyway, but the “Morning Tide Show” disagreed.".to_string(),
        None,
    );
    let mut quoted = quotations(&doc.prose, &doc.blocks);
    let found = speakers(&doc, &quoted, &[]);
    reclassify(&doc.prose, &mut quoted, &found);
    let kinds: Vec<QuoteKind> = quoted.iter().map(|q| q.kind).collect();
    assert_eq!(kinds[0], QuoteKind::Fragment);
    // A title in quotation marks is nobody's speech.
    assert_eq!(kinds[2], QuoteKind::Scare);
    assert!(found[2].is_none());
}

#[test]
fn a_paragraph_goes_on_with_its_speaker() {
    // (text, index of the quotation, its speaker as written)
    let table = [
        // A second quotation in the paragraph, with words after it and no cue.
        (
            "“The cranes came early,” said Jo Hale, who runs the yard. “They will unload the ships by Friday,” which she expects to save a week.",
            1,
            Some("Jo Hale"),
        ),
        // A quotation after a reporting sentence that runs on ("as she …").
        (
            "“We are ready,” Jo Hale said as she opened the gate. “The cranes came early.”",
            1,
            Some("Jo Hale"),
        ),
        // The same in plain text that breaks paragraphs with single newlines: the
        // sentence splitter may run a sentence across the break.
        (
            "The harbour reopened on Monday after a long winter of repairs to the north quay, the cranes and the old sea wall.\n“We are ready,” Jo Hale said as she opened the gate. “The cranes came early and they work.”\nShips waited in the bay for most of the morning before the pilots could bring them in.",
            1,
            Some("Jo Hale"),
        ),
        // A scare quote does not take the paragraph's speaker.
        (
            "“We are ready,” said Jo Hale. The “night shift” starts at ten.",
            1,
            None,
        ),
        // A new paragraph of narrative quoting a notice is not the speaker's.
        (
            "“We are ready,” said Jo Hale.\n\nThe gate carried a “Closed for repairs until May” notice.",
            1,
            None,
        ),
    ];
    for (text, i, want) in table {
        let w = who(text);
        assert_eq!(w[i].1.as_deref(), want, "{text}: {w:?}");
    }
}

#[test]
fn a_digest_item_names_its_writer_after_the_dash() {
    let table = [
        (
            "THE PORT IS BUSIER THAN EVER - Ann Lowe: “Ships now wait three days to unload at the north quay.”",
            Some("Ann Lowe"),
        ),
        (
            "THE PORT IS BUSIER THAN EVER - Ann Lowe and Tom Hale: “Ships now wait three days to unload.”",
            Some("Ann Lowe and Tom Hale"),
        ),
        // A pronoun opening the clause that ends with the colon.
        (
            "Ann Lowe spoke first.\n\nShe then turned to the crowd again: “Ships now wait three days.”",
            Some("She"),
        ),
        // A colon after a headline with no dash and no name: nobody.
        (
            "THE PORT IS BUSIER THAN EVER: “Ships now wait three days to unload.”",
            None,
        ),
    ];
    for (text, want) in table {
        assert_eq!(first(text).as_deref(), want, "{text}");
    }
}

#[test]
fn a_headline_opening_with_a_name_gives_its_quotation_to_the_name() {
    let table = [
        (
            "Okafor: Harbour Talks ‘Are Going Nowhere’\n\nThe talks stalled again on Monday.",
            Some("Okafor"),
        ),
        (
            "Ada Okafor: Ferry Plan Is ‘Dead In The Water’\n\nThe talks stalled again.",
            Some("Ada Okafor"),
        ),
        // A label opening a paragraph of the body is not a headline.
        (
            "The talks stalled.\n\nMoscow: the Foreign Ministry called the plan “harmful and unrealistic.”",
            Some("the Foreign Ministry"),
        ),
        // A cue in the headline wins.
        (
            "Okafor: Hale Says Talks ‘Are Going Nowhere’\n\nThe talks stalled again.",
            Some("Hale"),
        ),
        // Words after a preposition are the topic; the speaker comes before it.
        (
            "Harbour Board Chief On Okafor: ‘We Will Not Pay Her’\n\nThe talks stalled again.",
            Some("Harbour Board Chief"),
        ),
        (
            "On Okafor: ‘We Will Not Pay Her’\n\nThe talks stalled again.",
            None,
        ),
        // "The Latest" is a rubric, not a speaker.
        (
            "The Latest: Harbour Talks ‘Going Nowhere’\n\nThe talks stalled again.",
            None,
        ),
    ];
    for (text, want) in table {
        assert_eq!(first(text).as_deref(), want, "{text}");
    }
}

#[test]
fn the_name_starts_after_the_last_title_or_organisation_word() {
    let table = [
        (
            "Deputy Director of the Harbour Ministry Information and Press Department Alexander Petrov said: “The pier opens in March.”",
            "Alexander Petrov",
        ),
        (
            "Harbour Board chair Ana Beridze said: “The pier opens in March.”",
            "Ana Beridze",
        ),
        (
            "“The pier opens in March,” said Sen. Ted Morrow.",
            "Ted Morrow",
        ),
        (
            "“The pier opens in March,” Transport Minister Ana Beridze said.",
            "Ana Beridze",
        ),
        ("“The pier opens in March,” Pat Doyle said.", "Pat Doyle"),
    ];
    for (text, want) in table {
        let doc = Document::new("a.txt", text.to_string(), None);
        let quoted = quotations(&doc.prose, &doc.blocks);
        let found = speakers(&doc, &quoted, &[]);
        let speaker = found[0].as_ref().expect(text);
        assert_eq!(speaker.kind, SpeakerKind::Person, "{text}");
        assert_eq!(speaker.who(&doc.prose), want, "{text}");
    }
}

#[test]
fn the_office_names_the_last_person_named_with_its_title() {
    // (text, the name "the <office>" resolves to, or none)
    let table: &[(&str, Option<&str>)] = &[
        (
            "Sen. Pat Doyle toured the docks. “It is time,” the senator said.",
            Some("Sen. Pat Doyle"),
        ),
        (
            "Sen. Pat Doyle met Gov. Jo Hale. “It is time,” the senator said.",
            Some("Sen. Pat Doyle"),
        ),
        (
            "Sen. Pat Doyle met Gov. Jo Hale. “It is time,” the governor said.",
            Some("Gov. Jo Hale"),
        ),
        // No governor named: the role stays unnamed.
        (
            "Sen. Pat Doyle toured the docks. “It is time,” the governor said.",
            None,
        ),
        // "A senator" is nobody in particular.
        (
            "Sen. Pat Doyle toured the docks. “It is time,” a senator said.",
            None,
        ),
    ];
    for (text, want) in table {
        let doc = Document::new("a.txt", text.to_string(), None);
        let quoted = quotations(&doc.prose, &doc.blocks);
        let found = speakers(&doc, &quoted, &[]);
        let s = found[0].as_ref().expect("a speaker");
        let name = s.name.clone().map(|n| doc.prose[n].to_string());
        assert_eq!(name.as_deref(), *want, "{text}");
    }
}

#[test]
fn a_colon_after_a_verb_of_reaction_gives_the_words_to_its_object() {
    let table: &[(&str, Option<&str>)] = &[
        (
            "The result does not surprise pollster Pat Doyle: “Leads this early fade.”",
            Some("pollster Pat Doyle"),
        ),
        (
            "The early lead pleased Jo Hale: “Leads this early fade.”",
            Some("Jo Hale"),
        ),
        // No verb of reaction: the colon names no speaker.
        (
            "The last word went to Pat Doyle: “Leads this early fade.”",
            None,
        ),
    ];
    for (text, want) in table {
        assert_eq!(first(text).as_deref(), *want, "{text}");
    }
}
