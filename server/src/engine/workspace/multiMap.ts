/** Maps from a key to a set of values, the lookup tables of the workspace index. */

/** Adds `value` to the set of `key`. */
export function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	let set = map.get(key);
	if (!set) {
		set = new Set();
		map.set(key, set);
	}
	set.add(value);
}

/** Removes `value` from the set of `key`, and the key with its last value. */
export function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) {
		set.delete(value);
		if (set.size === 0) {
			map.delete(key);
		}
	}
}

/** Counts how many times a key was added, per group: `count(group, key) > 0` while an addition is not removed. */
export class GroupedCounts<G, K, V> {
	private readonly groups = new Map<G, Map<K, { value: V; count: number }>>();

	/** Counts one more `key` in `group` (`value` describes the key; the first one given is kept). */
	add(group: G, key: K, value: V): void {
		let keys = this.groups.get(group);
		if (!keys) {
			keys = new Map();
			this.groups.set(group, keys);
		}
		const held = keys.get(key);
		if (held) {
			held.count++;
		} else {
			keys.set(key, { value, count: 1 });
		}
	}

	/** Counts one `key` less in `group`. */
	remove(group: G, key: K): void {
		const keys = this.groups.get(group);
		const held = keys?.get(key);
		if (!keys || !held) {
			return;
		}
		held.count--;
		if (held.count === 0) {
			keys.delete(key);
			if (keys.size === 0) {
				this.groups.delete(group);
			}
		}
	}

	/** The keys counted in a group, each with its value and count. */
	in(group: G): IterableIterator<[K, { readonly value: V; readonly count: number }]> | [] {
		return this.groups.get(group)?.entries() ?? [];
	}
}
