//! claimcheck: checks news articles against a desk's claim templates.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! rules/*.yaml --rules::parse--> RuleSet --Matcher::new--> Matcher
//! files --walk--> Document::new --extract--> mentions
//! Matcher x (Document, mentions) --> Hits --checks--> Findings --report--> human | json
//! ```
//!
//! [`pipeline::Checker`] ties the stages together; [`cli`] is the command line.

pub mod align;
pub mod attribution;
pub mod build_info;
pub mod checks;
pub mod cli;
pub mod color;
pub mod config;
pub mod diff;
pub mod document;
pub mod draft;
pub mod extract;
pub mod finding;
pub mod guard;
pub mod matcher;
pub mod mentions;
pub mod people;
pub mod pipeline;
pub mod quote_mentions;
pub mod quotes;
pub mod report;
pub mod rulecache;
pub mod rules;
#[cfg(test)]
mod seeded;
pub mod selftest;
pub mod sources;
pub mod speakers;
pub mod statements;
pub mod suppress;
pub mod template;
pub mod understand;
pub mod walk;
pub mod words;
