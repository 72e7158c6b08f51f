//! What the readers' gates share. A reader (dates, figures) is tried only at
//! tokens that lie a few tokens before something it is made of (a digit, a month,
//! a number word); the gates say where, and tests turn every gate off on their
//! thread to prove that a gate changes nothing the readers find.

/// Per token of `n`, whether a token `marked` lies at most `reach` tokens ahead
/// (a marked token is 0 ahead of itself). With the gates off, every token is open.
pub(crate) fn within_reach(n: usize, reach: usize, marked: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut open = vec![false; n];
    let mut ahead = reach + 1;
    let off = off();
    for i in (0..n).rev() {
        ahead = if marked(i) {
            0
        } else {
            (ahead + 1).min(reach + 1)
        };
        open[i] = ahead <= reach || off;
    }
    open
}

#[cfg(test)]
thread_local! {
    static OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a test turned the gates off on this thread.
#[cfg(test)]
pub(crate) fn off() -> bool {
    OFF.with(|d| d.get())
}

/// Whether a test turned the gates off on this thread: never outside tests.
#[cfg(not(test))]
pub(crate) fn off() -> bool {
    false
}

/// Runs `f` with every gate off on this thread.
#[cfg(test)]
pub(crate) fn without_gates<T>(f: impl FnOnce() -> T) -> T {
    OFF.with(|d| d.set(true));
    let out = f();
    OFF.with(|d| d.set(false));
    out
}
