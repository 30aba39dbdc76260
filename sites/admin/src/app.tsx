import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout.tsx';
import { ActivitiesPage, ActivityNewPage } from './pages/activities.tsx';
import { AssociationPage, AssociationsPage } from './pages/associations.tsx';
import { AuditPage } from './pages/audit.tsx';
import { AwardRoundPage, AwardsPage } from './pages/awards.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { DisbursementPage, DisbursementsPage } from './pages/disbursements.tsx';
import { DisclosurePage, DisclosuresPage } from './pages/disclosures.tsx';
import { EnrollmentNewPage, EnrollmentPage, EnrollmentsPage } from './pages/enrollments.tsx';
import { EvaluationsPage } from './pages/evaluations.tsx';
import { ImportJobPage, ImportsPage } from './pages/imports.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { NoticePage, NoticesPage } from './pages/notices.tsx';
import { PersonPage, PersonsPage } from './pages/persons.tsx';
import { PoliciesPage, PolicyEditPage, PolicyNewPage } from './pages/policies.tsx';
import { ProjectsPage } from './pages/projects.tsx';
import { ScopeProvider } from './scope.tsx';
import { SessionRoot } from './session.tsx';

export function App() {
  return (
    <SessionRoot>
      <ScopeProvider>
        <BrowserRouter basename="/admin">
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<DashboardPage />} />
              <Route path="associations" element={<AssociationsPage />} />
              <Route path="associations/:id" element={<AssociationPage />} />
              <Route path="activities" element={<ActivitiesPage />} />
              <Route path="activities/new" element={<ActivityNewPage />} />
              <Route path="projects" element={<ProjectsPage />} />
              <Route path="evaluations" element={<EvaluationsPage />} />
              <Route path="awards" element={<AwardsPage />} />
              <Route path="awards/:id" element={<AwardRoundPage />} />
              <Route path="persons" element={<PersonsPage />} />
              <Route path="persons/:id" element={<PersonPage />} />
              <Route path="imports" element={<ImportsPage />} />
              <Route path="imports/:id" element={<ImportJobPage />} />
              <Route path="enrollments" element={<EnrollmentsPage />} />
              <Route path="enrollments/new" element={<EnrollmentNewPage />} />
              <Route path="enrollments/:id" element={<EnrollmentPage />} />
              <Route path="notices" element={<NoticesPage />} />
              <Route path="notices/:id" element={<NoticePage />} />
              <Route path="disbursements" element={<DisbursementsPage />} />
              <Route path="disbursements/:id" element={<DisbursementPage />} />
              <Route path="policies" element={<PoliciesPage />} />
              <Route path="policies/new" element={<PolicyNewPage />} />
              <Route path="policies/:id" element={<PolicyEditPage />} />
              <Route path="disclosures" element={<DisclosuresPage />} />
              <Route path="disclosures/:id" element={<DisclosurePage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </ScopeProvider>
    </SessionRoot>
  );
}
