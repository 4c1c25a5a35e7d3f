import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import type { BalanceEvent } from '../api/types';
import { readToken } from '../session';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * The member's live balance feed (SPEC §5): socket.io on the same origin, handshake
 * `auth: { token }`; the server puts the socket in the member's own room. A push can be missed
 * while disconnected, so every (re)connection calls `onConnect`, which refetches myAccount:
 * a lost push costs nothing.
 */
export function useLiveBalance(
  onBalance: (event: BalanceEvent) => void,
  onConnect: () => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ onBalance, onConnect });
  handlers.current = { onBalance, onConnect };

  useEffect(() => {
    const token = readToken();
    if (!token) return;
    const socket = io({ auth: { token } });
    socket.on('connect', () => {
      setStatus('live');
      handlers.current.onConnect();
    });
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', () => setStatus('offline'));
    socket.on('balance', (event: BalanceEvent) => handlers.current.onBalance(event));
    return () => {
      socket.disconnect();
    };
  }, []);
  return status;
}
