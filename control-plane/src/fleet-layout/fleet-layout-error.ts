/** A refusal of `luster fleet-layout …`: the message tells the operator what to do; nothing was written. */
export class FleetLayoutError extends Error {}
