// One definition for both routes: the CDK construct names the variables the same way.
export { deployedTableNames, tableVariable } from '@sluice/projections/deploy';
