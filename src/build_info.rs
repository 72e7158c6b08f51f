//! What the binary was built from.

/// The version `--version` prints: the package's, with the git commit it was built
/// from when the build could read one ("0.1.0 (1a2b3c4d5e6f)", "modified" when the
/// work tree had changes), else the package's alone.
pub const VERSION: &str = env!("CLAIMCHECK_VERSION");
