// What a kind cluster lacks compared with a real one, patched in through Kustomization
// `flux-system` (created at bootstrap, never committed): the repository itself stays as the
// control plane renders it for production.
import { stringify } from 'yaml';

/** A JSON 6902 patch of the objects `target` selects, as Flux's `spec.patches` takes it. */
const patch = (target, operations) => ({ target, patch: stringify(operations) });

/** `spec.patches` of Kustomization `flux-system`; `lusterUrl` is the control plane as pods reach it. */
export function kindOverrides({ lusterUrl }) {
  return [
    patch({ group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', name: 'infrastructure-configs' }, [
      // Flux's Provider posts its events to <luster_url>/hooks/flux: the runner, not the placeholder.
      { op: 'add', path: '/spec/postBuild/substitute/luster_url', value: lusterUrl },
      // Let's Encrypt cannot reach a kind cluster (HTTP-01 needs public DNS): the same issuer
      // names sign certificates themselves, so Certificates and the tenants that wait for them
      // become Ready.
      {
        op: 'add',
        path: '/spec/patches',
        value: [
          patch({ kind: 'ClusterIssuer' }, [{ op: 'replace', path: '/spec', value: { selfSigned: {} } }]),
        ],
      },
    ]),
    patch(
      { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', name: 'infrastructure-controllers' },
      [
        // kind has no load balancer: a LoadBalancer Service never gets an address and its
        // HelmRelease never turns Ready.
        {
          op: 'add',
          path: '/spec/patches',
          value: [
            patch({ kind: 'HelmRelease', name: 'ingress-nginx' }, [
              { op: 'add', path: '/spec/values/controller/service/type', value: 'NodePort' },
            ]),
          ],
        },
      ],
    ),
  ];
}
