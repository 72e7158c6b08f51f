//! The one place that decides whether output is colored.

/// The user's choice of `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Color when standard output is a terminal and the environment allows it.
    #[default]
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// Whether to color standard output. `auto` follows no-color.org and
/// bixense.com/clicolors as anstream implements them: `NO_COLOR` turns color off,
/// `CLICOLOR_FORCE` turns it on even when output is not a terminal, and otherwise
/// color is used on a terminal unless `CLICOLOR=0` or `TERM=dumb`. The decision also
/// sets the `colored` crate's override, so every part of the output agrees.
pub fn decide(choice: ColorChoice) -> bool {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Never
        ),
    };
    colored::control::set_override(on);
    on
}
