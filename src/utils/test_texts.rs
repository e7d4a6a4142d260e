//! Generated texts for the tests that check a hand-written matcher against the regex engine.

/// `count` texts, each of up to `max_atoms - 1` atoms drawn from `pool` by a fixed xorshift
/// stream (the same texts on every run).
pub(crate) fn random_texts(pool: &[&str], count: usize, max_atoms: usize) -> Vec<String> {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    (0..count)
        .map(|_| {
            let len = next(max_atoms);
            (0..len).map(|_| pool[next(pool.len())]).collect()
        })
        .collect()
}
