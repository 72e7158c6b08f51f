//! Understanding: what the figures of a sentence are about.
//!
//! Extraction finds figures; understanding says which words each figure belongs to,
//! what it is (the value stated now, the base of a comparison, a bound) and for which
//! period it is given. The matcher uses it to bind a claim to the figure a sentence
//! gives for the claim's subject, and only on sentences that hold the claim's anchor
//! words.

pub mod binding;
pub mod sentence;
