// Every joined channel of the server, and by topic, so a broadcast reaches the channels
// of its topic without a walk over all of them. Public and private channels of one name
// are separate audiences, as on hosted Realtime.
import type { Broadcast } from './frames.ts';
import type { Subscriber } from './dispatch.ts';

export interface Member extends Subscriber {
	/** The channel name without `realtime:`. */
	name: string;
	isPrivate: boolean;
	/** False on a private channel whose subscriber may not read broadcasts (presence only). */
	readsBroadcasts: boolean;
	pushBroadcast(broadcast: Broadcast): void;
}

const key = (name: string, isPrivate: boolean) => `${isPrivate ? 'private' : 'public'}:${name}`;

export class Hub<M extends Member = Member> {
	/** Every open channel: the postgres_changes dispatcher's subscribers. */
	readonly joined = new Set<M>();
	private readonly topics = new Map<string, Set<M>>();

	add(member: M) {
		this.joined.add(member);
		const k = key(member.name, member.isPrivate);
		let members = this.topics.get(k);
		if (!members) this.topics.set(k, (members = new Set()));
		members.add(member);
	}

	remove(member: M) {
		this.joined.delete(member);
		const k = key(member.name, member.isPrivate);
		const members = this.topics.get(k);
		members?.delete(member);
		if (members?.size === 0) this.topics.delete(k);
	}

	/** How many channels got it. */
	broadcast(name: string, isPrivate: boolean, broadcast: Broadcast, except?: M): number {
		let count = 0;
		for (const member of this.topics.get(key(name, isPrivate)) ?? []) {
			if (member === except || !member.readsBroadcasts) continue;
			member.pushBroadcast(broadcast);
			count++;
		}
		return count;
	}
}
