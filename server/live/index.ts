/**
 * The live module's door (SPEC §5): `attachLive` (socket.io + Redis adapter, API processes),
 * `startLivePublisher` (Redis emitter, job processes) and `pushBalance`, which both kinds of
 * process register so that every entry they post reaches the member's sockets.
 */
export { attachLive, type AttachedLive, type LiveServer } from './io';
export { startLivePublisher, type LivePublisher } from './livePublisher';
export { pushBalance, balancePushOf, type BalanceOutlet } from './pushBalance';
export { liveKeyOf, memberRoom, type BalancePush, type LiveEvents } from './liveNames';
