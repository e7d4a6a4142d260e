//! Small shared helpers.

pub mod byte_level;
pub(crate) mod packed_key;
pub mod padding;
pub(crate) mod prefetch;
pub(crate) mod short_key_table;
pub(crate) mod tagged;
#[cfg(test)]
pub(crate) mod test_texts;
pub mod truncation;

/// `N` copies of `value` in a boxed array, made on the heap (an array of a cache table's
/// size made on the stack first could overflow a thread's stack). A masked index into it
/// needs no bounds check.
pub(crate) fn boxed_array<T: Clone, const N: usize>(value: T) -> Box<[T; N]> {
    vec![value; N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("a slice of N items converts to an array of N"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn boxed_array_holds_n_copies() {
        let a: Box<[u16; 1000]> = super::boxed_array(7);
        assert!(a.iter().all(|&x| x == 7));
    }
}
