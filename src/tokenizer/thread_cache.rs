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
//!
//! A cache that leaves the list (least recently used, or of an instance that no longer
//! exists) gives its large fixed-size tables to the cache of the instance that comes in
//! ([`Reusable::reset`]) instead of freeing them. Measured reason: with caches made and
//! dropped in turn for about fifty tokenizers (the fuzzing target), freeing and
//! allocating front tables of 1–2 MiB made the allocator's heap grow past 4 GiB.

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

/// A per-thread cache whose memory can serve another tokenizer instance.
pub(super) trait Reusable: Default {
    /// Forgets everything this cache knows, keeping its large fixed-size tables, so that it
    /// then behaves exactly as a new (default) cache.
    fn reset(&mut self);
}

/// The caches of one kind in one thread: `(tokenizer instance, cache)`, most recently used
/// first. Declare one with `thread_local!` and an empty `Vec`.
pub(super) type Caches<T> = RefCell<Vec<(Weak<()>, Box<T>)>>;

/// Runs `f` with the cache of tokenizer `key` in this thread's `caches` (created empty on
/// first use; a temporary one if the thread's caches are busy, which only a re-entrant call
/// could cause).
pub(super) fn with_cache<T: Reusable, R>(
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
                // The caches of instances that no longer exist go, and the least recently
                // used one when the list is full; the first to go is reused.
                let mut spare = None;
                let mut i = 0;
                while let Some((held, _)) = caches.get(i) {
                    if held.strong_count() > 0 {
                        i += 1;
                    } else {
                        let (_, gone) = caches.remove(i);
                        spare.get_or_insert(gone);
                    }
                }
                if caches.len() >= MAX_CACHES_PER_THREAD {
                    if let Some((_, gone)) = caches.pop() {
                        spare.get_or_insert(gone);
                    }
                }
                let cache = match spare {
                    Some(mut cache) => {
                        cache.reset();
                        cache
                    }
                    None => Box::default(),
                };
                caches.push((Arc::downgrade(&key.0), cache));
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

    impl Reusable for Counter {
        fn reset(&mut self) {
            self.0 = 0;
        }
    }

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

    /// A cache with a table (its address tells where it came from) and a count.
    #[derive(Default)]
    struct Table(Vec<u8>, u32);

    impl Reusable for Table {
        fn reset(&mut self) {
            self.1 = 0;
        }
    }

    thread_local! {
        static TABLE_CACHES: Caches<Table> = const { RefCell::new(Vec::new()) };
    }

    /// The address of `key`'s table (made on first use) and its count before this call.
    fn table_of(key: &CacheKey) -> (*const u8, u32) {
        with_cache(&TABLE_CACHES, key, |t| {
            if t.0.is_empty() {
                t.0 = vec![0; 64];
            }
            t.1 += 1;
            (t.0.as_ptr(), t.1 - 1)
        })
    }

    #[test]
    fn leaving_caches_hand_their_tables_on_reset() {
        let keys: Vec<CacheKey> = (0..MAX_CACHES_PER_THREAD)
            .map(|_| CacheKey::default())
            .collect();
        let tables: Vec<*const u8> = keys.iter().map(|k| table_of(k).0).collect();
        assert_eq!(table_of(&keys[0]), (tables[0], 1));
        // A new instance takes the least recently used cache (keys[1]'s), reset.
        let new = CacheKey::default();
        assert_eq!(table_of(&new), (tables[1], 0));
        // An instance that no longer exists gives its cache to the next newcomer.
        drop(keys);
        let next = CacheKey::default();
        let (table, count) = table_of(&next);
        assert_eq!(count, 0);
        assert!(tables.contains(&table));
        assert_ne!(table, table_of(&new).0);
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
