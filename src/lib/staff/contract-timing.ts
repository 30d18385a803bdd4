// Whether a contract was (or is being) delivered on time: the "on time" half of the CCT indicator.
// The rule itself lives in SQL (private.contract_timing, supabase/migrations/20261201002000_indicators.sql),
// read through the contracts' computed field `contract_timing`, so the list, the detail page and CCT agree.
export type ContractTiming = 'on_time' | 'late' | 'overdue' | 'open';
