// Small builders for ProjectModel values, so unit tests state only what they are about.

import type { ProjectModel, TableModel } from '../../src/model/types.ts';
import { column, project as baseProject, table } from '../support/models.ts';

export { column, table };

export function project(tables: TableModel[]): ProjectModel {
  return baseProject({ compatibilityDate: '2025-01-01', tables });
}

export const id = () => column('id', 'text', { primaryKey: true, required: true });
