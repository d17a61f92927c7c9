import type { User } from '../../shared/users.js';
import { api } from './http.js';

export const fetchMe = (signal?: AbortSignal) => api.get<User>('/me', undefined, { signal, on401: 'throw' });

export const login = (email: string, password: string) => api.post<User>('/auth/login', { email, password });

export const logout = () => api.post<void>('/auth/logout');

export const acceptInvite = (token: string, password: string) => api.post<User>('/auth/accept-invite', { token, password }, { on401: 'throw' });
