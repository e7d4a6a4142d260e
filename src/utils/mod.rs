//! Small shared helpers.

pub mod byte_level;
