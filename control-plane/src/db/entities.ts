import { Membership, Organization } from '../access/organization.entities.js';
import { EmailToken, LoginThrottle, RateLimitCounter, RefreshToken } from '../auth/auth.entities.js';
import { Plugin, ThemeVersion, TierLimits } from '../catalog/catalog.entities.js';
import { ChangeRequest, TenantCommit, TenantDrift } from '../changes/changes.entities.js';
import { CreditApiKey, CreditBalance, CreditEntry, CreditPrice } from '../credits/credits.entities.js';
import { CreditPack, CreditPurchase } from '../credits/purchase.entities.js';
import { CustomDomain, DomainCheck } from '../domains/domains.entities.js';
import { MailMessage } from '../mail/mail.entities.js';
import { MediaBucket, MediaObject, MediaUsage } from '../media/media.entities.js';
import { Cluster } from '../placement/cluster.entities.js';
import { AgencyRequest, Registration } from '../registration/registration.entities.js';
import { TenantObjectHealth } from '../sync/object-health.entities.js';
import { SyncEvent, TenantSync } from '../sync/sync.entities.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';

/** Every TypeORM entity of the control plane; new features add theirs here. */
export const entities = [
  User,
  Organization,
  Membership,
  RefreshToken,
  EmailToken,
  RateLimitCounter,
  LoginThrottle,
  Cluster,
  Tenant,
  ThemeVersion,
  Plugin,
  ChangeRequest,
  TenantCommit,
  TenantDrift,
  Registration,
  AgencyRequest,
  SyncEvent,
  TenantSync,
  TenantObjectHealth,
  MailMessage,
  TierLimits,
  MediaBucket,
  MediaObject,
  MediaUsage,
  CreditEntry,
  CreditBalance,
  CreditApiKey,
  CreditPrice,
  CustomDomain,
  DomainCheck,
  CreditPack,
  CreditPurchase,
];
