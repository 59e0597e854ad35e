//! Known-wrong variants of `lru_cache`: a recency order kept in a `VecDeque` that is scanned
//! on every use (right answers, O(n) per operation), and a FIFO cache that forgets to
//! refresh an entry on `get` (evicts the wrong entry), and a map of "last used" stamps
//! scanned for the smallest on every eviction (right answers, no key work, O(n) time).

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

use harness::Plan;
use harness::step1::lru_cache::{LruCache, checks};

/// A map for the values and a `VecDeque` of keys from least to most recently used. Each use
/// searches the deque for the key to move: O(n) comparisons.
struct ScanCache<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    capacity: usize,
}

impl<K: Hash + Eq + Clone, V> ScanCache<K, V> {
    fn touch(&mut self, key: &K) {
        if let Some(at) = self.order.iter().position(|k| k == key) {
            let k = self.order.remove(at).expect("position is in range");
            self.order.push_back(k);
        }
    }
}

struct ScanEviction;

impl LruCache for ScanEviction {
    type Cache<K: Hash + Eq + Clone, V> = ScanCache<K, V>;

    fn new<K: Hash + Eq + Clone, V>(capacity: usize) -> ScanCache<K, V> {
        ScanCache {
            map: HashMap::new(),
            order: VecDeque::new(),
            capacity,
        }
    }

    fn get<'a, K: Hash + Eq + Clone, V>(cache: &'a mut ScanCache<K, V>, key: &K) -> Option<&'a V> {
        if cache.map.contains_key(key) {
            cache.touch(key);
        }
        cache.map.get(key)
    }

    fn put<K: Hash + Eq + Clone, V>(
        cache: &mut ScanCache<K, V>,
        key: K,
        value: V,
    ) -> Option<(K, V)> {
        if cache.capacity == 0 {
            return Some((key, value));
        }
        if let Some(old) = cache.map.insert(key.clone(), value) {
            cache.touch(&key);
            return Some((key, old));
        }
        cache.order.push_back(key);
        if cache.order.len() > cache.capacity {
            let victim = cache.order.pop_front().expect("the cache is not empty");
            let value = cache.map.remove(&victim).expect("order and map agree");
            return Some((victim, value));
        }
        None
    }

    fn len<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> usize {
        cache.map.len()
    }

    fn is_empty<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> bool {
        cache.map.is_empty()
    }

    fn capacity<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> usize {
        cache.capacity
    }
}

/// Evicts in insertion order: `get` and replacing `put` do not refresh an entry.
struct Fifo;

impl LruCache for Fifo {
    type Cache<K: Hash + Eq + Clone, V> = ScanCache<K, V>;

    fn new<K: Hash + Eq + Clone + 'static, V: 'static>(capacity: usize) -> ScanCache<K, V> {
        ScanEviction::new(capacity)
    }

    fn get<'a, K: Hash + Eq + Clone, V>(cache: &'a mut ScanCache<K, V>, key: &K) -> Option<&'a V> {
        cache.map.get(key)
    }

    fn put<K: Hash + Eq + Clone, V>(
        cache: &mut ScanCache<K, V>,
        key: K,
        value: V,
    ) -> Option<(K, V)> {
        if cache.capacity == 0 {
            return Some((key, value));
        }
        if let Some(old) = cache.map.insert(key.clone(), value) {
            return Some((key, old));
        }
        cache.order.push_back(key);
        if cache.order.len() > cache.capacity {
            let victim = cache.order.pop_front().expect("the cache is not empty");
            let value = cache.map.remove(&victim).expect("order and map agree");
            return Some((victim, value));
        }
        None
    }

    fn len<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> usize {
        cache.map.len()
    }

    fn is_empty<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> bool {
        cache.map.is_empty()
    }

    fn capacity<K: Hash + Eq + Clone, V>(cache: &ScanCache<K, V>) -> usize {
        cache.capacity
    }
}

/// A map from key to (value, last-used stamp); evicts by scanning every stamp for the
/// smallest. Right answers, O(1) key work per operation, O(n) time per eviction.
struct ScanStamps;

struct Stamped<K, V> {
    entries: HashMap<K, (V, u64)>,
    clock: u64,
    capacity: usize,
}

impl LruCache for ScanStamps {
    type Cache<K: Hash + Eq + Clone, V> = Stamped<K, V>;
    fn new<K: Hash + Eq + Clone, V>(capacity: usize) -> Stamped<K, V> {
        Stamped {
            entries: HashMap::new(),
            clock: 0,
            capacity,
        }
    }
    fn get<'a, K: Hash + Eq + Clone, V>(cache: &'a mut Stamped<K, V>, key: &K) -> Option<&'a V> {
        cache.clock += 1;
        let entry = cache.entries.get_mut(key)?;
        entry.1 = cache.clock;
        Some(&entry.0)
    }
    fn put<K: Hash + Eq + Clone, V>(cache: &mut Stamped<K, V>, key: K, value: V) -> Option<(K, V)> {
        cache.clock += 1;
        if cache.capacity == 0 {
            return Some((key, value));
        }
        if let Some(entry) = cache.entries.get_mut(&key) {
            let (old, _) = std::mem::replace(entry, (value, cache.clock));
            return Some((key, old));
        }
        let mut evicted = None;
        if cache.entries.len() == cache.capacity {
            let oldest = cache
                .entries
                .iter()
                .min_by_key(|(_, (_, stamp))| *stamp)
                .map(|(k, _)| k.clone())
                .expect("a full cache has entries");
            let (v, _) = cache
                .entries
                .remove(&oldest)
                .expect("the key was just seen");
            evicted = Some((oldest, v));
        }
        cache.entries.insert(key, (value, cache.clock));
        evicted
    }
    fn len<K: Hash + Eq + Clone, V>(cache: &Stamped<K, V>) -> usize {
        cache.entries.len()
    }
    fn is_empty<K: Hash + Eq + Clone, V>(cache: &Stamped<K, V>) -> bool {
        cache.entries.is_empty()
    }
    fn capacity<K: Hash + Eq + Clone, V>(cache: &Stamped<K, V>) -> usize {
        cache.capacity
    }
}

pub fn add(plan: Plan) -> Plan {
    let plan = crate::accept(
        plan,
        "scan_stamps",
        checks::<ScanStamps>(),
        "lru_cache::matches_model",
    );
    plan.reject(
        "scan_stamps",
        checks::<ScanStamps>(),
        "lru_cache::eviction_gate",
        "grows too fast",
    )
    .reject(
        "scan_eviction",
        checks::<ScanEviction>(),
        "lru_cache::constant_time_gate",
        "too many key hashes + comparisons + clones per operation",
    )
    .reject(
        "fifo",
        checks::<Fifo>(),
        "lru_cache::examples",
        "expected: Some((\"b\", 2))",
    )
    .reject(
        "fifo",
        checks::<Fifo>(),
        "lru_cache::matches_model",
        "a random input failed",
    )
}
