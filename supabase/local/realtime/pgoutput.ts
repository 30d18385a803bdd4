// Decodes the messages of PostgreSQL's built-in `pgoutput` logical decoding
// plugin (protocol version 1, text tuples), as returned one per row by
// pg_logical_slot_get_binary_changes. Only what Realtime needs is decoded.

/** A column value as sent: text, null, or undefined for an unchanged TOASTed value. */
export type TupleValue = string | null | undefined;

export interface RelationColumn {
	name: string;
	typeOid: number;
	typmod: number;
	/** Part of the replica identity (the primary key by default). */
	isKey: boolean;
}

export type PgoutputMessage =
	| { tag: 'begin'; commitTime: Date }
	| { tag: 'commit' }
	| { tag: 'relation'; relid: number; schema: string; table: string; columns: RelationColumn[] }
	| { tag: 'insert'; relid: number; newTuple: TupleValue[] }
	| { tag: 'update'; relid: number; oldTuple: TupleValue[] | null; oldIsKeyOnly: boolean; newTuple: TupleValue[] }
	| { tag: 'delete'; relid: number; oldTuple: TupleValue[]; oldIsKeyOnly: boolean }
	| { tag: 'other'; code: string };

// Postgres timestamps count microseconds from 2000-01-01 UTC.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

/** Reads fields front to back; every read checks bounds so a bad buffer throws a RangeError. */
class Reader {
	buf: Buffer;
	pos = 0;
	constructor(buf: Buffer) {
		this.buf = buf;
	}
	byte(): string {
		return String.fromCharCode(this.buf.readUInt8(this.pos++));
	}
	int8(): number {
		return this.buf.readInt8(this.pos++);
	}
	int16(): number {
		const value = this.buf.readInt16BE(this.pos);
		this.pos += 2;
		return value;
	}
	int32(): number {
		const value = this.buf.readInt32BE(this.pos);
		this.pos += 4;
		return value;
	}
	int64(): bigint {
		const value = this.buf.readBigInt64BE(this.pos);
		this.pos += 8;
		return value;
	}
	cstring(): string {
		const end = this.buf.indexOf(0, this.pos);
		if (end < 0) throw new RangeError('unterminated string in pgoutput message');
		const value = this.buf.toString('utf8', this.pos, end);
		this.pos = end + 1;
		return value;
	}
	bytes(length: number): string {
		if (length < 0 || this.pos + length > this.buf.length) throw new RangeError('value runs past the pgoutput message');
		const value = this.buf.toString('utf8', this.pos, this.pos + length);
		this.pos += length;
		return value;
	}
}

function timestamp(micros: bigint): Date {
	return new Date(PG_EPOCH_MS + Number(micros / 1000n));
}

function tuple(reader: Reader): TupleValue[] {
	const count = reader.int16();
	const values: TupleValue[] = [];
	for (let i = 0; i < count; i++) {
		const kind = reader.byte();
		if (kind === 'n') values.push(null);
		else if (kind === 'u') values.push(undefined);
		else if (kind === 't') values.push(reader.bytes(reader.int32()));
		else throw new RangeError(`unexpected tuple value kind ${kind}`);
	}
	return values;
}

function relation(reader: Reader): PgoutputMessage {
	const relid = reader.int32() >>> 0;
	const schema = reader.cstring();
	const table = reader.cstring();
	reader.int8(); // replica identity setting; the key flags below say the same per column
	const count = reader.int16();
	const columns: RelationColumn[] = [];
	for (let i = 0; i < count; i++) {
		const flags = reader.int8();
		columns.push({ name: reader.cstring(), typeOid: reader.int32() >>> 0, typmod: reader.int32(), isKey: (flags & 1) === 1 });
	}
	return { tag: 'relation', relid, schema, table, columns };
}

function update(reader: Reader): PgoutputMessage {
	const relid = reader.int32() >>> 0;
	let marker = reader.byte();
	let oldTuple: TupleValue[] | null = null;
	let oldIsKeyOnly = false;
	// 'K' (key columns) or 'O' (whole old row) come only when the key changed or identity is full.
	if (marker === 'K' || marker === 'O') {
		oldIsKeyOnly = marker === 'K';
		oldTuple = tuple(reader);
		marker = reader.byte();
	}
	if (marker !== 'N') throw new RangeError('update without a new tuple');
	return { tag: 'update', relid, oldTuple, oldIsKeyOnly, newTuple: tuple(reader) };
}

export function decodePgoutput(buf: Buffer): PgoutputMessage {
	const reader = new Reader(buf);
	const code = reader.byte();
	switch (code) {
		case 'B':
			reader.int64(); // final LSN
			return { tag: 'begin', commitTime: timestamp(reader.int64()) };
		case 'C':
			return { tag: 'commit' };
		case 'R':
			return relation(reader);
		case 'I': {
			const relid = reader.int32() >>> 0;
			if (reader.byte() !== 'N') throw new RangeError('insert without a new tuple');
			return { tag: 'insert', relid, newTuple: tuple(reader) };
		}
		case 'U':
			return update(reader);
		case 'D': {
			const relid = reader.int32() >>> 0;
			const marker = reader.byte();
			return { tag: 'delete', relid, oldIsKeyOnly: marker === 'K', oldTuple: tuple(reader) };
		}
		default:
			// Origin, Type, Truncate and logical messages carry nothing Realtime sends.
			return { tag: 'other', code };
	}
}
