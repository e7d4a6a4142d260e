//! Progress reporting on stderr: a live line on a terminal, a plain line every few seconds
//! otherwise, nothing when quiet.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Progress of a long job measured in input bytes and documents.
pub struct Progress {
    quiet: bool,
    terminal: bool,
    total: Option<u64>,
    started: Instant,
    last: Instant,
    drawn: bool,
}

impl Progress {
    /// Starts measuring; `total` is the input size when known.
    pub fn new(quiet: bool, total: Option<u64>) -> Self {
        let now = Instant::now();
        Progress {
            quiet,
            terminal: std::io::stderr().is_terminal(),
            total,
            started: now,
            last: now,
            drawn: false,
        }
    }

    /// Reports `bytes` and `docs` done so far (rate-limited).
    pub fn update(&mut self, bytes: u64, docs: u64) {
        if self.quiet {
            return;
        }
        let every = if self.terminal {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(10)
        };
        if self.last.elapsed() < every {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mbs = bytes as f64 / 1e6 / secs;
        let mut line = format!(
            "{:.1} MB, {docs} documents, {mbs:.1} MB/s",
            bytes as f64 / 1e6
        );
        if let Some(total) = self.total.filter(|&t| t > 0) {
            let frac = (bytes as f64 / total as f64).min(1.0);
            let eta = if frac > 0.0 { secs / frac - secs } else { 0.0 };
            line = format!("{:5.1}% {line}, ETA {:.0}s", frac * 100.0, eta.max(0.0));
        }
        let mut err = std::io::stderr().lock();
        if self.terminal {
            let _ = write!(err, "\r\x1b[2K{line}");
            self.drawn = true;
        } else {
            let _ = writeln!(err, "progress: {line}");
        }
    }

    /// Ends the live line.
    pub fn finish(&mut self) {
        if self.drawn {
            let _ = writeln!(std::io::stderr());
            self.drawn = false;
        }
    }
}
