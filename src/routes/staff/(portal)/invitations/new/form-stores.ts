// The superforms stores the invitation form's sections share.
import type { SuperForm } from 'sveltekit-superforms';
import type { InvitationForm } from './schema.ts';

type Stores = SuperForm<InvitationForm>;
export type FormStore = Stores['form'];
export type ErrorsStore = Stores['errors'];
export type ConstraintsStore = Stores['constraints'];
