//! The last line of defence: a failure (a panic) while checking one document
//! becomes an error naming that document, and every other document is still
//! checked and reported. Known failures are fixed where they arise; this only
//! keeps an unknown one from losing the run.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the process's panic hook: inside [`guarded`] a panic is only recorded
/// (the caller reports it, naming the document); anywhere else it is printed as
/// claimcheck's internal error, without a backtrace.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        let message = describe(info.payload());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("{message}{place}");
        if GUARDED.with(Cell::get) {
            LAST.with(|l| *l.borrow_mut() = Some(text));
        } else {
            eprintln!(
                "claimcheck: internal error: {text}; this is a bug in claimcheck, please report it"
            );
        }
    }));
}

/// Runs `work`; a panic inside it becomes `Err` with what went wrong.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| {
        LAST.with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| describe(payload.as_ref()))
    })
}

fn describe(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an unexpected failure".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_thread_goes_on() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let failed = guarded(|| -> usize { panic!("index out of bounds") });
        assert!(failed.unwrap_err().contains("index out of bounds"));
        assert_eq!(guarded(|| "still working"), Ok("still working"));
    }
}
