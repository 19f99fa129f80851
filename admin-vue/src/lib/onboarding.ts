/** First-login experience is shown once per user (per browser): the loader, then the tour. */
export type OnboardingStep = 'loader' | 'tour';

const key = (userId: string, step: OnboardingStep) => `luster.onboarding.${step}.${userId}`;

export function hasSeen(userId: string, step: OnboardingStep): boolean {
  return localStorage.getItem(key(userId, step)) !== null;
}

export function markSeen(userId: string, step: OnboardingStep): void {
  localStorage.setItem(key(userId, step), new Date().toISOString());
}
