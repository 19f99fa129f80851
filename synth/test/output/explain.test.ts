import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { commentOf, explain } from '../../src/output/explain.js';

describe('explain', () => {
  it('attaches a reason to the object a construct renders, and to no other', () => {
    const chart = new Chart(new App(), 'test');
    const wrapper = new Construct(chart, 'Wrapper');
    const explained = new ApiObject(wrapper, 'Resource', { apiVersion: 'v1', kind: 'ConfigMap' });
    const plain = new ApiObject(chart, 'Other', { apiVersion: 'v1', kind: 'ConfigMap' });
    explain(wrapper, 'because');
    expect(commentOf(explained)).toBe('because');
    expect(commentOf(plain)).toBeUndefined();
  });
});
