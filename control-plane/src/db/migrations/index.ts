import { Initial1795412786963 } from './1795412786963-Initial.js';
import { TenantsAuthChanges1795413246755 } from './1795413246755-TenantsAuthChanges.js';
import { SeedCatalog1795413300000 } from './1795413300000-SeedCatalog.js';
import { SyncStatus1795413502255 } from './1795413502255-SyncStatus.js';
import { ChangeReviewDrift1795415310138 } from './1795415310138-ChangeReviewDrift.js';
import { TenantBranding1795418641057 } from './1795418641057-TenantBranding.js';
import { MailOutbox1795422330976 } from './1795422330976-MailOutbox.js';
import { LoginThrottle1796526598084 } from './1796526598084-LoginThrottle.js';
import { TenantSuspensionLevel1796527521170 } from './1796527521170-TenantSuspensionLevel.js';
import { ChangeTenantBefore1796527600000 } from './1796527600000-ChangeTenantBefore.js';
import { MembershipAcceptance1796529914070 } from './1796529914070-MembershipAcceptance.js';
import { MediaBuckets1796536478037 } from './1796536478037-MediaBuckets.js';
import { CreditLedger1796546064451 } from './1796546064451-CreditLedger.js';
import { CreditUsage1796549316163 } from './1796549316163-CreditUsage.js';
import { CreditLowBalance1796551472999 } from './1796551472999-CreditLowBalance.js';
import { PartnerGroups1796551473000 } from './1796551473000-PartnerGroups.js';
import { MediaBucketDeletedAt1796557608163 } from './1796557608163-MediaBucketDeletedAt.js';
import { CustomDomains1796557793448 } from './1796557793448-CustomDomains.js';
import { CreditPurchases1796558139379 } from './1796558139379-CreditPurchases.js';
import { MediaUsage1796570106231 } from './1796570106231-MediaUsage.js';
import { TenantObjectHealth1796571554509 } from './1796571554509-TenantObjectHealth.js';
import { Clusters1796571705764 } from './1796571705764-Clusters.js';
import { TenantDatabase1796573999459 } from './1796573999459-TenantDatabase.js';
import { ClusterTenantCount1796595732624 } from './1796595732624-ClusterTenantCount.js';
import { UnpushedCommits1796613728470 } from './1796613728470-UnpushedCommits.js';

/** Every migration, in order; `npm run migration:generate -w control-plane -- <Name>` appends here. */
export const migrations = [
  Initial1795412786963,
  TenantsAuthChanges1795413246755,
  SeedCatalog1795413300000,
  SyncStatus1795413502255,
  ChangeReviewDrift1795415310138,
  TenantBranding1795418641057,
  MailOutbox1795422330976,
  LoginThrottle1796526598084,
  TenantSuspensionLevel1796527521170,
  ChangeTenantBefore1796527600000,
  MembershipAcceptance1796529914070,
  MediaBuckets1796536478037,
  CreditLedger1796546064451,
  CreditUsage1796549316163,
  CreditLowBalance1796551472999,
  PartnerGroups1796551473000,
  MediaBucketDeletedAt1796557608163,
  CustomDomains1796557793448,
  CreditPurchases1796558139379,
  MediaUsage1796570106231,
  TenantObjectHealth1796571554509,
  Clusters1796571705764,
  TenantDatabase1796573999459,
  ClusterTenantCount1796595732624,
  UnpushedCommits1796613728470,
];
