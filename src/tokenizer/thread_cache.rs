//! Per-thread caches keyed by tokenizer instance, shared by the ids path and the fast
//! full-`Encoding` path.
//!
//! Each thread keeps, per kind of cache, a short list of caches, one per tokenizer instance
//! (identified by a number given at load; clones share it, which is sound because the
//! normalizer, pre-tokenizer and model of a tokenizer never change after load), most
//! recently used first; when the list is full, the least recently used cache is dropped.
//! No lock is shared between threads. A re-entrant call (the list already borrowed) gets a
//! fresh temporary cache instead of failing.

use std::cell::RefCell;
use std::thread::LocalKey;

/// Most tokenizers whose caches one thread keeps (least recently used dropped first).
const MAX_CACHES_PER_THREAD: usize = 8;

/// The caches of one kind in one thread: `(tokenizer instance, cache)`, most recently used
/// first. Declare one with `thread_local!` and an empty `Vec`.
pub(super) type Caches<T> = RefCell<Vec<(u64, Box<T>)>>;

/// Runs `f` with the cache of tokenizer `id` in this thread's `caches` (created empty on
/// first use; a temporary one if the thread's caches are busy, which only a re-entrant call
/// could cause).
pub(super) fn with_cache<T: Default, R>(
    caches: &'static LocalKey<Caches<T>>,
    id: u64,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    caches.with(|caches| {
        let Ok(mut caches) = caches.try_borrow_mut() else {
            return f(&mut T::default());
        };
        let pos = match caches.iter().position(|(k, _)| *k == id) {
            Some(pos) => pos,
            None => {
                if caches.len() >= MAX_CACHES_PER_THREAD {
                    caches.pop();
                }
                caches.push((id, Box::default()));
                caches.len() - 1
            }
        };
        if pos != 0 {
            let entry = caches.remove(pos);
            caches.insert(0, entry);
        }
        match caches.first_mut() {
            Some((_, cache)) => f(cache),
            None => f(&mut T::default()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Counter(u32);

    thread_local! {
        static TEST_CACHES: Caches<Counter> = const { RefCell::new(Vec::new()) };
    }

    fn bump(id: u64) -> u32 {
        with_cache(&TEST_CACHES, id, |c| {
            c.0 += 1;
            c.0
        })
    }

    #[test]
    fn one_cache_per_instance_least_recently_used_dropped() {
        assert_eq!(bump(1), 1);
        assert_eq!(bump(1), 2);
        assert_eq!(bump(2), 1);
        // Instances 3..=9 push instance 1 (least recently used) out; 2 is used in between.
        for id in 3..=8 {
            assert_eq!(bump(id), 1);
        }
        assert_eq!(bump(2), 2);
        assert_eq!(bump(9), 1);
        assert_eq!(bump(1), 1);
        assert_eq!(bump(2), 3);
    }

    #[test]
    fn reentrant_call_gets_a_temporary_cache() {
        let inner = with_cache(&TEST_CACHES, 42, |c| {
            c.0 += 1;
            bump(42)
        });
        assert_eq!(inner, 1);
        assert_eq!(bump(42), 2);
    }
}
