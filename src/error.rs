//! The crate's single error type.

use std::fmt;

/// Everything that can go wrong while loading a tokenizer or encoding/decoding with it.
///
/// Messages say *what* failed and *where*: a JSON path and line/column for files, the
/// offending value, and what was expected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The tokenizer file is not valid JSON, or a value does not have the expected shape.
    #[error("invalid tokenizer.json at `{path}` (line {line}, column {column}): {message}")]
    Json {
        /// JSON path of the offending value, e.g. `model.merges[3]` (`.` for the root).
        path: String,
        /// 1-based line of the error in the file (0 when unknown).
        line: usize,
        /// 1-based column of the error in the file (0 when unknown).
        column: usize,
        /// What was wrong and what was expected.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("cannot access `{path}`: {source}")]
    Io {
        /// The file involved.
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A configuration is well-formed JSON but cannot be used (inconsistent values, bad regex...).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// A regular expression could not be compiled or run (e.g. backtracking limit exceeded).
    #[error("regular expression `{pattern}`: {message}")]
    Regex {
        /// The pattern involved.
        pattern: String,
        /// What the regex engine reported.
        message: String,
    },
    /// Encoding an input failed.
    #[error("encoding failed: {0}")]
    Encode(String),
    /// Decoding ids failed.
    #[error("decoding failed: {0}")]
    Decode(String),
    /// Truncation or padding parameters cannot be applied to this input.
    #[error("truncation/padding: {0}")]
    Truncation(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for a [`Error::Config`] error.
    pub(crate) fn config(msg: impl fmt::Display) -> Self {
        Error::Config(msg.to_string())
    }
    /// Shorthand for a [`Error::Encode`] error.
    pub(crate) fn encode(msg: impl fmt::Display) -> Self {
        Error::Encode(msg.to_string())
    }
    /// Shorthand for a [`Error::Decode`] error.
    pub(crate) fn decode(msg: impl fmt::Display) -> Self {
        Error::Decode(msg.to_string())
    }
}
