import { type DriveStep, driver } from 'driver.js';

/** The welcome tour (driver.js): highlights the navigation a new person needs first. */
export function tourSteps(options: { canSwitch: boolean }): DriveStep[] {
  const steps: DriveStep[] = [
    {
      popover: {
        title: 'Welcome to your control panel',
        description: 'A quick look around: four stops, thirty seconds. Press Esc to skip.',
      },
    },
    {
      element: '[data-tour="nav"]',
      popover: {
        title: 'Navigation',
        description:
          'Organizations, change requests and, below them, the plugins enabled for your organization.',
        side: 'right',
      },
    },
  ];
  if (options.canSwitch)
    steps.push({
      element: '[data-tour="context"]',
      popover: {
        title: 'Switch organization',
        description: 'Look at one organization at a time, or at all the organizations you manage.',
        side: 'bottom',
      },
    });
  steps.push(
    {
      element: '[data-tour="organizations"]',
      popover: {
        title: 'Live status',
        description:
          'Every organization shows whether the cluster runs its latest change: Pending, Reconciling, Ready or Failed — updated live.',
        side: 'top',
      },
    },
    {
      element: '[data-tour="user"]',
      popover: { title: 'Your account', description: 'Sign out here when you are done.', side: 'bottom' },
    },
  );
  return steps;
}

export function startTour(options: { canSwitch: boolean }): void {
  const steps = tourSteps(options).filter(
    (s) => !s.element || (typeof s.element === 'string' && document.querySelector(s.element)),
  );
  driver({ showProgress: true, allowClose: true, steps, popoverClass: 'luster-tour' }).drive();
}
