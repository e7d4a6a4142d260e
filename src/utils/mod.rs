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
