// The Calibrate area: the wizard's progress on the left, the current page (or the project's past
// calibrations) beside it, and the certificate dialog when one is asked for.
import { useEffect } from 'react';
import { useCalibration, useCalibrationState } from './calibration-services';
import { CertificateDialogHost } from './CertificateDialog';
import { StepRail } from './StepRail';
import { AccuracyPage } from './steps/AccuracyPage';
import { ApplyPage } from './steps/ApplyPage';
import { FinishPage } from './steps/FinishPage';
import { HistoryPage } from './steps/HistoryPage';
import { MeasurePage } from './steps/MeasurePage';
import { SetupPage } from './steps/SetupPage';
import { VerifyPage } from './steps/VerifyPage';
import { isMeasurePage } from './wizard-pages';
import './calibration.css';

function CurrentPage() {
  const view = useCalibrationState((s) => s.view);
  if (isMeasurePage(view)) return <MeasurePage key={view} step={view} />;
  switch (view) {
    case 'setup':
      return <SetupPage />;
    case 'accuracy':
      return <AccuracyPage />;
    case 'apply':
      return <ApplyPage />;
    case 'verify':
      return <VerifyPage />;
    case 'finish':
      return <FinishPage />;
    case 'history':
      return <HistoryPage />;
  }
  return null;
}

export function CalibrateView() {
  const calibration = useCalibration();
  useEffect(() => {
    void calibration.start();
  }, [calibration]);
  return (
    <div className="cal-view" data-testid="calibrate-view">
      <StepRail />
      <div className="cal-main">
        <CurrentPage />
      </div>
      <CertificateDialogHost />
    </div>
  );
}
