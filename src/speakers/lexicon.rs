//! The words speaker finding knows: cue verbs, pronouns, titles, words that make a
//! noun phrase an organisation, and given names that tell a person's gender.

use std::sync::LazyLock;

use crate::words::FnvSet;

/// Cue verbs and phrases of reported speech, in every form a news report uses them
/// (said, says, saying). Drawn from the reporting verbs of English style guides and
/// from what the quote suite's train split uses as cues. Lowercase.
pub const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "wrote",
    "writes",
    "writing",
    "tweeted",
    "tweeting",
    "posted",
    "exclaimed",
    "exclaims",
    "charged",
    "responded",
    "responds",
    "responding",
    "chanted",
    "chanting",
    "yelled",
    "yells",
    "yelling",
    "shouted",
    "shouts",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "warned",
    "warns",
    "warning",
    "noted",
    "noting",
    "stated",
    "explained",
    "explains",
    "explaining",
    "asked",
    "asks",
    "asking",
    "replied",
    "replies",
    "answered",
    "declared",
    "declares",
    "announced",
    "announces",
    "remarked",
    "recalled",
    "recalls",
    "recalling",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "claimed",
    "claiming",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "notes",
    "assured",
    "reads",
    "quipped",
    "joked",
    "joking",
    "boasted",
    "boasts",
    "bragged",
    "complained",
    "complains",
    "lamented",
    "predicted",
    "predicts",
    "promised",
    "vowed",
    "pledged",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "observed",
    "observes",
    "commented",
    "reiterated",
    "reiterates",
    "confirmed",
    "confirms",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "asserted",
    "asserts",
    "affirmed",
    "told",
    "informed",
    "announced",
    "cautioned",
    "cautions",
    "mused",
    "sighed",
    "scoffed",
    "snapped",
    "thundered",
    "roared",
    "screamed",
    "cried",
    "whispered",
    "murmured",
    "questioned",
    "marveled",
    "marvelled",
    "cheered",
    "exulted",
    "groused",
    "grumbled",
    "griped",
    "ventured",
    "posited",
    "theorized",
    "reflected",
    "reflects",
    "recollected",
    "vowing",
    "promising",
    "pledging",
    "urging",
    "declaring",
    "announcing",
    "complaining",
    "predicting",
    "suggesting",
    "reminding",
    "quipping",
    "boasting",
    "demanding",
    "asserting",
    "admitting",
    "acknowledging",
    "conceding",
    "stressing",
    "emphasizing",
    "emphasising",
    "lamenting",
    "retaliated",
    "derided",
    "worried",
    "affirms",
    "exclaiming",
    "shouting",
    "yelling",
    "chanting",
    "screaming",
    "crying",
    "pleading",
    "begging",
    "insisted",
    "mused",
    "barked",
    "snarled",
    "growled",
    "sneered",
    "pressed",
    "offered",
    "decried",
    "decries",
    "cited",
    "cites",
    "citing",
    "condemned",
    "condemning",
    "denounced",
    "muttered",
    "proclaimed",
    "gloated",
    "intoned",
    "chided",
    "scolded",
    "needled",
    "conceded",
    "added",
    "retorted",
    "countered",
    "objected",
    "protested",
    "demanded",
    "wondered",
    "wonders",
    "speculated",
    "acknowledged",
    "agreed",
    "agrees",
    "disagreed",
    "recounted",
    "described",
    "describes",
    "describing",
    "called",
    "calls",
    "calling",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "blasted",
    "slammed",
    "praised",
    "criticized",
    "criticised",
    "attacked",
    "accused",
    "accuses",
    "accusing",
    "declared",
    "hinted",
    "indicated",
    "revealed",
    "reveals",
    "disclosed",
    "reported",
    "testified",
    "wrote",
    "opined",
    "gushed",
    "raved",
    "crowed",
    "fumed",
    "railed",
    "ranted",
    "lectured",
    "preached",
    "pleaded",
    "begged",
    "prayed",
    "sang",
    "chimed",
    "interjected",
    "interrupted",
    "explained",
    "elaborated",
    "clarified",
    "added",
    "volunteered",
    "confided",
    "conceded",
    "reasoned",
    "surmised",
    "guessed",
    "estimated",
    "calculated",
    "asserted",
    "alleged",
    "alleges",
    "recalled",
    "tweeted",
    "texted",
    "emailed",
    "messaged",
    "posted",
    "shared",
];

/// Cues that take an object, not an inverted speaker, after them: in "“…,” calling
/// the plan" or "described the impact as", the words after the cue are what was
/// spoken of. (Gerunds never invert either.)
pub const TAKES_OBJECT: &[&str] = &[
    "told",
    "tells",
    "called",
    "calls",
    "described",
    "describes",
    "cited",
    "cites",
    "denounced",
    "condemned",
    "praised",
    "criticized",
    "criticised",
    "attacked",
    "accused",
    "accuses",
    "blasted",
    "slammed",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "offered",
    "decried",
    "decries",
    "urged",
    "urges",
    "warned",
    "warns",
    "reminded",
    "informed",
    "promised",
    "promises",
    "emailed",
    "texted",
    "messaged",
];

/// Cue phrases of two words whose speaker comes before them: "Bennett shot back".
pub const CUE_PHRASES: &[&str] = &[
    "shot back",
    "fired back",
    "hit back",
    "pushed back",
    "went on",
    "chimed in",
    "summed up",
    "put it",
    "spoke up",
    "wrote back",
    "piped up",
    "weighed in",
    "points out",
    "pointed out",
    "pointing out",
];

/// Cue phrases whose speaker follows them: "according to the mayor".
pub const CUES_AFTER: &[&str] = &["according to"];

/// Words that may stand between a speaker and the cue: "Smith also said", "she has
/// said", "the mayor later told reporters".
pub const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "recently",
    "repeatedly",
    "simply",
    "just",
    "flatly",
    "reportedly",
    "has",
    "had",
    "have",
    "would",
    "will",
    "was",
    "is",
    "had",
    "quickly",
    "publicly",
    "privately",
    "never",
    "often",
    "frequently",
    "famously",
    "bluntly",
    "angrily",
    "proudly",
    "memorably",
    "earlier",
    "first",
    "further",
    "subsequently",
    "immediately",
    "jokingly",
    "sarcastically",
    "calmly",
    "emphatically",
    "openly",
    "already",
    "even",
    "only",
    "finally",
    "herself",
    "himself",
    "themselves",
    "itself",
    "since",
    "ultimately",
    "still",
    "long",
    "reportedly",
    "once",
    "eventually",
    "initially",
    "previously",
    "separately",
    "pointedly",
    "tersely",
    "did",
    "not",
    "does",
];

/// Pronouns that can be a speaker, with the gender each names (`Some(true)` female,
/// `Some(false)` male, `None` any).
pub const PRONOUNS: &[(&str, Option<bool>)] = &[
    ("he", Some(false)),
    ("she", Some(true)),
    ("they", None),
    ("it", None),
    ("we", None),
    ("i", None),
    ("you", None),
    ("who", None),
];

/// Determiners and possessives that open a noun phrase: "the mayor", "a spokesman",
/// "his aide", "one official".
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three",
    "several", "many", "some", "other", "another", "both", "most", "few", "these", "those", "each",
    "every", "no", "all",
];

/// Lowercase words that end a noun phrase read leftwards from a cue: a verb, a
/// conjunction, a preposition other than "of" and "for" ("after the vote, officials
/// said": "officials").
pub const PHRASE_BREAKS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "because",
    "since",
    "while",
    "when",
    "where",
    "whereas",
    "although",
    "though",
    "if",
    "unless",
    "as",
    "than",
    "after",
    "before",
    "until",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "about",
    "into",
    "onto",
    "over",
    "under",
    "during",
    "through",
    "that",
    "which",
    "what",
    "whom",
    "whose",
    "not",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "also",
    "then",
    "now",
    "here",
    "there",
    "even",
    "just",
    "still",
    "interview",
    "statement",
    "speech",
    "email",
    "call",
    "rally",
    "debate",
    "amid",
    "likewise",
    "always",
    "ago",
    "however",
    "meanwhile",
    "indeed",
    "instead",
    "perhaps",
];

/// Words after a cue that say when or where, not who: "said Monday", "said in".
pub const NOT_A_SPEAKER_AFTER: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "that",
    "this",
    "last",
    "next",
    "earlier",
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "previously",
    "also",
    "again",
    "then",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "so",
    "there",
    "while",
    "when",
    "after",
    "before",
    "about",
    "as",
    "with",
    "during",
    "through",
    "for",
    "from",
    "by",
    "no",
    "yes",
    "nothing",
    "something",
    "anything",
    "repeatedly",
    "simply",
    "and",
    "but",
    "reporters",
    "cnn",
    "what",
    "how",
    "why",
    "whether",
    "if",
];

/// Titles before a name: "Sen. Ted Cruz", "Mr. Gunnels", "Gov. Kasich". The full
/// stop is optional.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "sec",
    "gen",
    "general",
    "col",
    "lt",
    "capt",
    "sgt",
    "adm",
    "judge",
    "justice",
    "mayor",
    "speaker",
    "leader",
    "rev",
    "reverend",
    "prof",
    "professor",
    "chairman",
    "chairwoman",
    "chair",
    "minister",
    "ambassador",
    "attorney",
    "commissioner",
    "sheriff",
    "chief",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sir",
    "dame",
    "lord",
    "lady",
    "former",
    "candidate",
    "nominee",
    "hon",
    "state",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "congressman",
    "congresswoman",
    "officer",
    "detective",
    "agent",
    "coach",
    "father",
    "sister",
    "brother",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "pastor",
    "premier",
    "chancellor",
    "prime",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "director",
    "analyst",
];

/// Offices a speaker may be named by after the person has been named with the
/// title ("Sen. Pat Doyle … “It is time,” the senator said"): the noun of "the <noun>" and
/// the titles that hold it.
pub const OFFICES: &[(&str, &[&str])] = &[
    ("senator", &["sen", "senator"]),
    ("governor", &["gov", "governor"]),
    ("congressman", &["rep", "representative", "congressman"]),
    ("congresswoman", &["rep", "representative", "congresswoman"]),
    ("representative", &["rep", "representative"]),
    ("mayor", &["mayor"]),
    ("secretary", &["secretary", "sec"]),
    ("general", &["gen", "general"]),
    ("judge", &["judge"]),
    ("justice", &["justice"]),
    ("sheriff", &["sheriff"]),
    ("ambassador", &["ambassador"]),
    ("commissioner", &["commissioner"]),
];

/// The titles that hold the office a noun names ("senator": "Sen.", "Senator").
pub fn office_titles(noun: &str) -> Option<&'static [&'static str]> {
    OFFICES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(noun))
        .map(|&(_, titles)| titles)
}

/// Verbs of reaction, base forms: their object is the person reacting, whose words
/// a colon may then introduce ("The poll does not surprise Ann Lee: “…”").
pub const REACTION_VERBS: &[&str] = &[
    "surprise",
    "worry",
    "concern",
    "bother",
    "trouble",
    "puzzle",
    "frustrate",
    "alarm",
    "please",
    "delight",
    "disappoint",
    "encourage",
    "hearten",
    "impress",
    "shock",
    "amaze",
    "baffle",
    "dismay",
    "upset",
    "anger",
    "stun",
    "astonish",
    "reassure",
];

/// Titles that name a gender.
pub const GENDERED_TITLES: &[(&str, bool)] = &[
    ("mr", false),
    ("mrs", true),
    ("ms", true),
    ("miss", true),
    ("sir", false),
    ("dame", true),
    ("lord", false),
    ("lady", true),
    ("king", false),
    ("queen", true),
    ("prince", false),
    ("princess", true),
    ("chairwoman", true),
    ("congresswoman", true),
    ("congressman", false),
    ("spokeswoman", true),
    ("spokesman", false),
    ("assemblywoman", true),
    ("assemblyman", false),
    ("councilwoman", true),
    ("councilman", false),
    ("father", false),
    ("sister", true),
    ("brother", false),
];

/// Head nouns that make a noun phrase an organisation rather than a person: "the
/// ministry", "the Clinton campaign", "the White House".
pub const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "campaign",
    "committee",
    "party",
    "office",
    "house",
    "commission",
    "council",
    "agency",
    "administration",
    "government",
    "bureau",
    "institute",
    "union",
    "association",
    "foundation",
    "group",
    "company",
    "corporation",
    "inc",
    "corp",
    "court",
    "congress",
    "senate",
    "parliament",
    "kremlin",
    "pentagon",
    "police",
    "army",
    "navy",
    "military",
    "board",
    "center",
    "centre",
    "university",
    "college",
    "school",
    "network",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "federation",
    "league",
    "authority",
    "service",
    "statement",
    "report",
    "poll",
    "survey",
    "study",
    "paper",
    "newspaper",
    "magazine",
    "times",
    "post",
    "journal",
    "news",
    "network",
    "channel",
    "website",
    "site",
    "blog",
    "memo",
    "letter",
    "document",
    "release",
    "filing",
    "complaint",
    "lawsuit",
    "ad",
    "advertisement",
    "spot",
    "video",
    "tweet",
    "post",
    "team",
    "staff",
    "embassy",
    "firm",
    "bank",
    "fund",
    "pac",
    "super",
    "caucus",
    "delegation",
    "cabinet",
    "state",
];

/// Given names that tell a person's gender (`true` female), for resolving "she" and
/// "he" to the right name. A short list of names common in English-language news.
pub const GIVEN_NAMES: &[(&str, bool)] = &[
    ("hillary", true),
    ("donald", false),
    ("bernie", false),
    ("ted", false),
    ("marco", false),
    ("john", false),
    ("jeb", false),
    ("ben", false),
    ("chris", false),
    ("carly", true),
    ("mike", false),
    ("michael", false),
    ("barack", false),
    ("michelle", true),
    ("joe", false),
    ("elizabeth", true),
    ("nancy", true),
    ("paul", false),
    ("mitch", false),
    ("harry", false),
    ("rand", false),
    ("rick", false),
    ("scott", false),
    ("lindsey", false),
    ("bobby", false),
    ("jim", false),
    ("james", false),
    ("robert", false),
    ("david", false),
    ("william", false),
    ("bill", false),
    ("richard", false),
    ("thomas", false),
    ("charles", false),
    ("mark", false),
    ("steven", false),
    ("steve", false),
    ("kevin", false),
    ("brian", false),
    ("jeff", false),
    ("jeffrey", false),
    ("tim", false),
    ("timothy", false),
    ("george", false),
    ("peter", false),
    ("eric", false),
    ("jason", false),
    ("matt", false),
    ("matthew", false),
    ("andrew", false),
    ("dan", false),
    ("daniel", false),
    ("tom", false),
    ("jon", false),
    ("jonathan", false),
    ("newt", false),
    ("reince", false),
    ("corey", false),
    ("kellyanne", true),
    ("huma", true),
    ("debbie", true),
    ("donna", true),
    ("sarah", true),
    ("mary", true),
    ("patricia", true),
    ("jennifer", true),
    ("linda", true),
    ("barbara", true),
    ("susan", true),
    ("jessica", true),
    ("karen", true),
    ("lisa", true),
    ("betty", true),
    ("margaret", true),
    ("sandra", true),
    ("ashley", true),
    ("kimberly", true),
    ("emily", true),
    ("melania", true),
    ("ivanka", true),
    ("chelsea", true),
    ("maria", true),
    ("anna", true),
    ("laura", true),
    ("julia", true),
    ("amy", true),
    ("kelly", true),
    ("megyn", true),
    ("katy", true),
    ("katie", true),
    ("rachel", true),
    ("claire", true),
    ("dianne", true),
    ("kirsten", true),
    ("tammy", true),
    ("jeanne", true),
    ("nikki", true),
    ("sheila", true),
    ("hope", true),
    ("irakli", false),
    ("sergei", false),
    ("vladimir", false),
    ("angela", true),
    ("theresa", true),
    ("marine", true),
    ("jane", true),
    ("kate", true),
    ("ann", true),
    ("anne", true),
    ("helen", true),
    ("carol", true),
    ("ruth", true),
    ("joan", true),
];

/// Cues that name or label what they take ("called it “a disaster”", "dubbed the
/// plan"), rather than introduce speech.
pub const NAMING_CUES: &[&str] = &[
    "called",
    "calls",
    "calling",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "termed",
    "described",
    "describes",
    "nicknamed",
];

/// Whether `word` is a reporting verb that introduces the speech after it ("said",
/// "told", "tweeted"): a cue of [`CUES`] that does not name a thing. The one list of
/// reporting verbs, for speakers and for the kind of a quotation.
pub fn is_reporting(word: &str) -> bool {
    CUE_SET.contains(word) && !is_in(NAMING_CUES, word)
}

/// Whether `word` is in `list`, ignoring case.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A long word list asked about many words: one hash look-up instead of a scan.
/// A word is in the set exactly when [`is_in`] finds it in the list (ASCII case
/// ignored, nothing else folded).
pub struct WordSet {
    /// The list's words, ASCII lower-cased.
    words: FnvSet<Vec<u8>>,
    /// Bit n set: some word has n bytes (a word of another length is in no list).
    lengths: u64,
}

/// The longest word a [`WordSet`] holds, in bytes.
const WORD_SET_LONGEST: usize = 48;

impl WordSet {
    /// The set of `list`'s words.
    pub fn new(list: &[&str]) -> WordSet {
        let mut lengths = 0u64;
        let words = list
            .iter()
            .map(|w| {
                assert!(w.len() <= WORD_SET_LONGEST, "{w} is too long for a WordSet");
                lengths |= 1 << w.len();
                w.as_bytes().to_ascii_lowercase()
            })
            .collect();
        WordSet { words, lengths }
    }

    /// Whether `word` is one of the list's words, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        let n = word.len();
        if n > WORD_SET_LONGEST || self.lengths >> n & 1 == 0 {
            return false;
        }
        let mut buf = [0u8; WORD_SET_LONGEST];
        let low = &mut buf[..n];
        low.copy_from_slice(word.as_bytes());
        low.make_ascii_lowercase();
        self.words.contains(&low[..])
    }
}

/// A [`WordSet`] of a list, built on first use.
macro_rules! word_set {
    ($(#[$doc:meta])* $set:ident = $list:ident) => {
        $(#[$doc])*
        pub static $set: LazyLock<WordSet> = LazyLock::new(|| WordSet::new($list));
    };
}

word_set!(
    /// [`CUES`] as a set.
    CUE_SET = CUES
);
word_set!(
    /// [`TITLES`] as a set.
    TITLE_SET = TITLES
);
word_set!(
    /// [`ORGANISATION_WORDS`] as a set.
    ORGANISATION_SET = ORGANISATION_WORDS
);
word_set!(
    /// [`PHRASE_BREAKS`] as a set.
    PHRASE_BREAK_SET = PHRASE_BREAKS
);
word_set!(
    /// [`NOT_A_SPEAKER_AFTER`] as a set.
    NOT_A_SPEAKER_AFTER_SET = NOT_A_SPEAKER_AFTER
);
word_set!(
    /// [`BETWEEN`] as a set.
    BETWEEN_SET = BETWEEN
);
word_set!(
    /// [`DETERMINERS`] as a set.
    DETERMINER_SET = DETERMINERS
);
word_set!(
    /// [`TAKES_OBJECT`] as a set.
    TAKES_OBJECT_SET = TAKES_OBJECT
);

/// The gender a given name or title tells, if any.
pub fn gender_of(word: &str) -> Option<bool> {
    let w = word.trim_end_matches('.');
    title_gender(w).or_else(|| given_name(w))
}

/// The gender a title of [`GENDERED_TITLES`] tells ("Mrs", "Sir"), ignoring case.
pub fn title_gender(word: &str) -> Option<bool> {
    GENDERED_TITLES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word))
        .map(|&(_, g)| g)
}

/// [`GIVEN_NAMES`] by name (lowercase ASCII), for one lookup a capitalised word
/// instead of a scan of the list.
static GIVEN: std::sync::LazyLock<crate::words::FnvMap<&'static str, bool>> =
    std::sync::LazyLock::new(|| GIVEN_NAMES.iter().copied().collect());

/// The longest name of [`GIVEN_NAMES`], in bytes.
const LONGEST_GIVEN_NAME: usize = 16;

/// The gender a given name of [`GIVEN_NAMES`] tells, if `word` is one (ignoring
/// ASCII case, as the list is lowercase ASCII).
pub fn given_name(word: &str) -> Option<bool> {
    let mut buf = [0u8; LONGEST_GIVEN_NAME];
    let low = buf.get_mut(..word.len())?;
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    GIVEN.get(std::str::from_utf8(low).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan the lookup replaced: the first entry equal to `word`, ignoring ASCII case.
    fn scanned(word: &str) -> Option<bool> {
        GIVEN_NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(word))
            .map(|&(_, g)| g)
    }

    #[test]
    fn given_names_are_looked_up_as_they_were_scanned() {
        for &(name, _) in GIVEN_NAMES {
            assert!(name.len() <= LONGEST_GIVEN_NAME, "{name}");
            let capital = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
            for w in [name.to_string(), capital, name.to_uppercase()] {
                assert_eq!(given_name(&w), scanned(&w), "{w}");
                assert!(given_name(&w).is_some(), "{w}");
            }
        }
        let others = [
            "",
            "Council",
            "Mayor",
            "Hillarys",
            "Hillary's",
            "Zoë",
            "Éamon",
            "Maximilianoverylongname",
            "Mrs",
        ];
        for w in others {
            assert_eq!(given_name(w), scanned(w), "{w}");
        }
        assert_eq!(gender_of("Mrs."), Some(true));
        assert_eq!(gender_of("Hillary"), Some(true));
        assert_eq!(gender_of("Donald"), Some(false));
        assert_eq!(gender_of("Council"), None);
    }
}
