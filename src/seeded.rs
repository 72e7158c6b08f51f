//! A small seeded generator (xorshift64) for the randomised oracle tests, so
//! each test's mixes are the same on every run and every machine.

/// The generator's state; `Seeded(seed)` starts it. A seed must not be 0.
pub(crate) struct Seeded(pub(crate) u64);

impl Seeded {
    /// Steps the generator and returns its new state.
    pub(crate) fn draw(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (not 0), from the next state.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.draw() % n as u64) as usize
    }
}
