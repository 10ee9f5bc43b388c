export { politenessKeys, hostKeyOf, type PolitenessKeys } from './keys.ts';
export {
  createHostGate,
  DEFAULT_GATE_SETTINGS,
  type HostGate,
  type HostGateSettings,
  type GateDecision,
  type HostOutcome,
  type HostState,
  type ReleaseReport,
} from './host-gate.ts';
export {
  createRobotsPolicy,
  robotsUrlOf,
  DEFAULT_ROBOTS_SETTINGS,
  type RobotsPolicy,
  type RobotsSettings,
  type RobotsAnswer,
  type RobotsFetcher,
  type RobotsFetchOutcome,
} from './robots.ts';
export { createValidatorStore, type ValidatorStore, type FetchValidators } from './validators.ts';
export { createFetchMetrics, createHostLabeler, type FetchMetrics, type StatusClass } from './fetch-metrics.ts';
