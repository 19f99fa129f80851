/** The shortest password the server accepts (new accounts, invitations, resets, changes). */
export const PASSWORD_MIN = 12;
