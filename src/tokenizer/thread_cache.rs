//! Per-thread caches keyed by tokenizer instance, shared by the ids path and the fast
//! full-`Encoding` path.
//!
//! Each thread keeps, per kind of cache, a short list of caches, one per tokenizer instance,
//! most recently used first; when the list is full, the least recently used cache is
//! dropped. No lock is shared between threads. A re-entrant call (the list already
//! borrowed) gets a fresh temporary cache instead of failing.
//!
//! An instance is identified by a [`CacheKey`], given at load; clones share it, which is
//! sound because the normalizer, pre-tokenizer and model of a tokenizer never change after
//! load. A thread's list holds the key weakly: when a thread first meets an instance, it
//! drops the caches of the instances that no longer exist (their memory would otherwise stay
//! with the thread until seven other instances had pushed them out). Holding the key weakly
//! also keeps its address from being reused while the list remembers it.

use std::cell::RefCell;
use std::sync::{Arc, Weak};
use std::thread::LocalKey;

/// Most tokenizers whose caches one thread keeps (least recently used dropped first).
const MAX_CACHES_PER_THREAD: usize = 8;

/// Identifies a tokenizer instance (and its clones) to the per-thread caches.
#[derive(Clone, Debug, Default)]
pub(crate) struct CacheKey(Arc<()>);

impl CacheKey {
    fn is(&self, held: &Weak<()>) -> bool {
        std::ptr::eq(Arc::as_ptr(&self.0), held.as_ptr())
    }
}

/// The caches of one kind in one thread: `(tokenizer instance, cache)`, most recently used
/// first. Declare one with `thread_local!` and an empty `Vec`.
pub(super) type Caches<T> = RefCell<Vec<(Weak<()>, Box<T>)>>;

/// Runs `f` with the cache of tokenizer `key` in this thread's `caches` (created empty on
/// first use; a temporary one if the thread's caches are busy, which only a re-entrant call
/// could cause).
pub(super) fn with_cache<T: Default, R>(
    caches: &'static LocalKey<Caches<T>>,
    key: &CacheKey,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    caches.with(|caches| {
        let Ok(mut caches) = caches.try_borrow_mut() else {
            return f(&mut T::default());
        };
        let pos = match caches.iter().position(|(held, _)| key.is(held)) {
            Some(pos) => pos,
            None => {
                caches.retain(|(held, _)| held.strong_count() > 0);
                if caches.len() >= MAX_CACHES_PER_THREAD {
                    caches.pop();
                }
                caches.push((Arc::downgrade(&key.0), Box::default()));
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

    fn bump(key: &CacheKey) -> u32 {
        with_cache(&TEST_CACHES, key, |c| {
            c.0 += 1;
            c.0
        })
    }

    fn held() -> usize {
        TEST_CACHES.with(|c| c.borrow().len())
    }

    #[test]
    fn one_cache_per_instance_least_recently_used_dropped() {
        let keys: Vec<CacheKey> = (0..10).map(|_| CacheKey::default()).collect();
        assert_eq!(bump(&keys[1]), 1);
        assert_eq!(bump(&keys[1].clone()), 2, "clones share the cache");
        assert_eq!(bump(&keys[2]), 1);
        // Instances 3..=8 push instance 1 (least recently used) out; 2 is used in between.
        for key in &keys[3..=8] {
            assert_eq!(bump(key), 1);
        }
        assert_eq!(bump(&keys[2]), 2);
        assert_eq!(bump(&keys[9]), 1);
        assert_eq!(bump(&keys[1]), 1);
        assert_eq!(bump(&keys[2]), 3);
    }

    #[test]
    fn caches_of_dropped_instances_are_freed() {
        let kept = CacheKey::default();
        bump(&kept);
        for _ in 0..5 {
            let gone = CacheKey::default();
            bump(&gone);
        }
        // The last one is only dropped when the thread meets another instance.
        assert_eq!(held(), 2);
        let other = CacheKey::default();
        bump(&other);
        assert_eq!(held(), 2);
        assert_eq!(bump(&kept), 2);
    }

    #[test]
    fn reentrant_call_gets_a_temporary_cache() {
        let key = CacheKey::default();
        let inner = with_cache(&TEST_CACHES, &key, |c| {
            c.0 += 1;
            bump(&key)
        });
        assert_eq!(inner, 1);
        assert_eq!(bump(&key), 2);
    }
}
