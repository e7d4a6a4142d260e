//! A software prefetch: asks the CPU to start loading a slice element into cache without
//! waiting for it.
//!
//! A plain early load cannot stand in for it: a load that misses the cache holds up the
//! retirement of every later instruction, so the out-of-order window fills after two or
//! three merges and the misses no longer overlap. A prefetch retires at once.

/// Starts loading `slice[index]` into the cache; does nothing when `index` is out of range or
/// on targets without a prefetch instruction.
#[inline(always)]
pub(crate) fn prefetch<T>(slice: &[T], index: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(item) = slice.get(index) {
        let address = std::ptr::from_ref(item).cast::<i8>();
        // SAFETY: `_mm_prefetch` only hints the cache and never faults, whatever the address;
        // SSE, which it needs, is part of the x86_64 baseline. The address comes from a
        // reference, so it is valid anyway.
        #[allow(unsafe_code)]
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address)
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slice, index);
}
